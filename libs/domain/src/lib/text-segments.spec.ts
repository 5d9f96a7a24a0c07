import { countGraphemes, findHashtags, findLinks, graphemes, isEmojiGrapheme } from './text-segments';

describe('graphemes', () => {
  it('counts what a reader sees as one character', () => {
    expect(countGraphemes('👨‍👩‍👧')).toBe(1);
    expect(countGraphemes('🇩🇪')).toBe(1);
    expect(countGraphemes('e\u0301')).toBe(1);
    expect(countGraphemes('Bürgerbüro')).toBe(10);
    expect(graphemes('a👍🏽b')).toEqual(['a', '👍🏽', 'b']);
  });
});

describe('isEmojiGrapheme', () => {
  it('recognises emoji sequences, flags and keycaps', () => {
    for (const e of ['😀', '👨‍👩‍👧', '🇩🇪', '❤️', '#️⃣', '👍🏽']) expect(isEmojiGrapheme(e)).toBe(true);
  });

  it('does not take text symbols or letters for emoji', () => {
    for (const t of ['a', '©', '™', '1', '#', '𝐇']) expect(isEmojiGrapheme(t)).toBe(false);
  });
});

describe('findLinks', () => {
  const text = 'Infos: https://musterstadt.de/kita?jahr=2026&tab=a. Oder www.musterstadt.de/amt, Mail: info@musterstadt.de';

  it('finds http(s) links with query strings and stops before closing punctuation', () => {
    expect(findLinks(text, { bareDomains: false }).map((l) => l.text)).toEqual(['https://musterstadt.de/kita?jahr=2026&tab=a']);
  });

  it('finds bare domains when asked, but not e-mail addresses', () => {
    expect(findLinks(text, { bareDomains: true }).map((l) => l.text)).toEqual([
      'https://musterstadt.de/kita?jahr=2026&tab=a',
      'www.musterstadt.de/amt',
    ]);
  });

  it('keeps a bracket that belongs to the link', () => {
    expect(findLinks('(siehe https://de.wikipedia.org/wiki/Kita_(Begriff))', { bareDomains: false })[0].text).toBe(
      'https://de.wikipedia.org/wiki/Kita_(Begriff)',
    );
  });

  it('does not take a sentence without a space after the full stop for a domain', () => {
    expect(findLinks('Ende.Neuer Satz', { bareDomains: true })).toEqual([]);
  });
});

describe('findHashtags', () => {
  it('finds tags with umlauts and ignores anchors inside links and plain numbers', () => {
    const tags = findHashtags('#Bürgerbüro heute! https://stadt.de/seite#abschnitt #1 und #Kita2026');
    expect(tags.map((t) => t.text)).toEqual(['Bürgerbüro', 'Kita2026']);
  });
});

import { measureText, splitYouTubeText } from './text-measure';

describe('measureText', () => {
  it('counts graphemes for Bluesky against 300', () => {
    expect(measureText('bluesky', 'Hallo 👨‍👩‍👧 🇩🇪 e\u0301')).toEqual({ used: 11, limit: 300, remaining: 289, over: false });
    expect(measureText('bluesky', 'a'.repeat(301)).over).toBe(true);
  });

  it('counts links at their written length where the platform does not shorten them', () => {
    expect(measureText('bluesky', 'https://musterstadt.de/a').used).toBe(24);
  });

  it('weights X: Latin 1, emoji 2, CJK 2, every URL 23 – with or without https://', () => {
    expect(measureText('x', 'Hallo')).toEqual({ used: 5, limit: 280, remaining: 275, over: false, urlsCountedAs: 23 });
    expect(measureText('x', '👨‍👩‍👧').used).toBe(2);
    expect(measureText('x', '🇩🇪').used).toBe(2);
    expect(measureText('x', '市役所').used).toBe(6);
    expect(measureText('x', 'Infos: https://musterstadt.de/kita?jahr=2026&tab=anmeldung').used).toBe(7 + 23);
    expect(measureText('x', 'musterstadt.de').used).toBe(23);
    expect(measureText('x', '„Gänsefüßchen“ – ok').used).toBe(19);
  });

  it('normalises for X so a combining accent counts once', () => {
    expect(measureText('x', 'Cafe\u0301').used).toBe(4);
  });

  it('knows when an X post is one character too long', () => {
    expect(measureText('x', 'a'.repeat(280)).over).toBe(false);
    expect(measureText('x', 'a'.repeat(279) + '😀')).toMatchObject({ used: 281, remaining: -1, over: true });
  });

  it('counts Mastodon links as 23, bare domains as written, remote mentions by the local part', () => {
    expect(measureText('mastodon', 'https://musterstadt.de/ein/sehr/langer/pfad?x=1').used).toBe(23);
    expect(measureText('mastodon', 'musterstadt.de').used).toBe(14);
    expect(measureText('mastodon', '@presse@social.bund.de').used).toBe(7);
  });

  it("honours a Mastodon instance's own limit, and only Mastodon's", () => {
    const text = 'a'.repeat(600);
    expect(measureText('mastodon', text)).toMatchObject({ limit: 500, over: true });
    expect(measureText('mastodon', text, { textLimit: 1000 })).toMatchObject({ limit: 1000, remaining: 400, over: false });
    expect(measureText('bluesky', text, { textLimit: 1000 }).limit).toBe(300);
    expect(measureText('mastodon', text, { textLimit: null }).limit).toBe(500);
  });

  it('counts emoji by UTF-8 bytes on Threads', () => {
    expect(measureText('threads', 'Hallo 😀').used).toBe(6 + 4);
    expect(measureText('threads', '🇩🇪').used).toBe(8);
  });

  it('has no limit for own media', () => {
    expect(measureText('website', 'x'.repeat(100_000))).toEqual({ used: 100_000, limit: null, remaining: null, over: false });
  });

  it('measures the YouTube title and description separately', () => {
    const ok = measureText('youtube', 'Ratssitzung live\nAlle Tagesordnungspunkte …');
    expect(ok.title).toEqual({ used: 16, limit: 100, remaining: 84, over: false });
    expect(ok).toMatchObject({ used: 26, limit: 5000, over: false });
    expect(measureText('youtube', 'T'.repeat(101) + '\nkurz').over).toBe(true);
    expect(measureText('youtube', 'Titel\n' + 'd'.repeat(5001)).over).toBe(true);
  });

  it('uses the platform limits from the issue', () => {
    expect(measureText('instagram', '').limit).toBe(2200);
    expect(measureText('linkedin', '').limit).toBe(3000);
    expect(measureText('facebook', '').limit).toBe(63_206);
    expect(measureText('threads', '').limit).toBe(500);
    expect(measureText('tiktok', '').limit).toBe(2200);
    expect(measureText('whatsapp', '').limit).toBeNull();
  });
});

describe('splitYouTubeText', () => {
  it('takes the first line as title', () => {
    expect(splitYouTubeText('  Titel \nZeile 1\nZeile 2')).toEqual({ title: 'Titel', description: 'Zeile 1\nZeile 2' });
    expect(splitYouTubeText('Nur Titel')).toEqual({ title: 'Nur Titel', description: '' });
  });
});

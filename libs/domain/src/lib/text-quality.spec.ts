import { checkTextQuality, type TextQualityCode } from './text-quality';

const codes = (text: string): TextQualityCode[] => checkTextQuality(text).map((i) => i.code);

describe('checkTextQuality', () => {
  it('accepts a plain, accessible post', () => {
    expect(checkTextQuality('Am Dienstag tagt der Stadtrat. Tagesordnung: https://musterstadt.de/rat #Musterstadt #kita')).toEqual([]);
  });

  describe('hashtags', () => {
    it('warns about long hashtags without a capital after the first letter', () => {
      const issues = checkTextQuality('Heute #stadtratsitzung und #Weihnachtsmarkt');
      expect(issues.map((i) => i.detail?.excerpt)).toEqual(['#stadtratsitzung', '#Weihnachtsmarkt']);
      expect(issues[0].message).toContain('#StadtratSitzung');
    });

    it('accepts short tags and CamelCase, umlauts included', () => {
      expect(codes('#kita #feuerwehr #musterstadt #StadtratSitzung #BürgerBüroTermine #Bürgerbüro')).toEqual([]);
    });

    it('treats umlauts as letters that can be capitals', () => {
      expect(codes('#bürgerbürotermine')).toEqual(['hashtag-not-camel-case']);
      expect(codes('#bürgerBürotermine')).toEqual([]);
    });

    it('reports a repeated tag once', () => {
      expect(codes('#stadtratsitzung … #stadtratsitzung')).toEqual(['hashtag-not-camel-case']);
    });
  });

  describe('emoji', () => {
    it('warns about more than two emoji in a row, spaces included', () => {
      expect(codes('Sommerfest 🎉🎉 heute')).toEqual([]);
      expect(codes('Sommerfest 🎉🎈☀️ heute')).toEqual(['emoji-run']);
      expect(codes('Sommerfest 🎉🎈 und ☀️ heute')).toEqual([]);
      const [issue] = checkTextQuality('Sommerfest 🎉 🎈 ☀️ 👨‍👩‍👧 heute');
      expect(issue).toMatchObject({ code: 'emoji-run', detail: { count: 4 } });
    });

    it('warns about lines made only of emoji, once, and not also as a row', () => {
      const issues = checkTextQuality('Neu im Bürgerbüro\n🔹🔹🔹🔹\nTermine online\n👇');
      expect(issues).toEqual([expect.objectContaining({ code: 'emoji-only-line', detail: { count: 2 } })]);
    });
  });

  describe('styled unicode', () => {
    it('detects fake bold and italic letters', () => {
      const [issue] = checkTextQuality('𝐇𝐚𝐥𝐥𝐨 𝐌𝐮𝐬𝐭𝐞𝐫𝐬𝐭𝐚𝐝𝐭! Heute 𝘬𝘶𝘳𝘴𝘪𝘷');
      expect(issue).toMatchObject({ code: 'styled-unicode-text', detail: { count: 22, excerpt: '𝐇𝐚𝐥𝐥𝐨 𝐌𝐮𝐬𝐭𝐞𝐫𝐬𝐭𝐚𝐝𝐭' } });
    });

    it('detects the letterlike gaps of fake italic and fullwidth letters', () => {
      expect(codes('𝐻𝑒𝑙𝑙𝑜 is written with ℎ')).toEqual(['styled-unicode-text']);
      expect(codes('ＨＡＬＬＯ')).toEqual(['styled-unicode-text']);
    });

    it('detects squared letters but leaves the blood-group and parking emoji alone', () => {
      expect(codes('🅷🅴🅻🅻🅾 Musterstadt')).toEqual(['styled-unicode-text']);
      expect(codes('Parken 🅿️ am Rathaus, Blutspende 🅰️ 🅱️')).toEqual([]);
    });

    it('ignores a single stray symbol', () => {
      expect(codes('Wasserverbrauch: 120 ℓ pro Tag')).toEqual([]);
    });
  });

  describe('links', () => {
    it('warns about vague link text right before a link', () => {
      for (const text of ['Hier klicken: https://musterstadt.de/a', 'Mehr: musterstadt.de/a', '👉 Link: https://x.de/a', 'Hier:\nhttps://a.de']) {
        expect(codes(text)).toEqual(['link-without-context']);
      }
      expect(codes('Alle Infos hier:\nhttps://a.de')).toEqual([]);
    });

    it('warns about a link alone on a line with nothing said before it', () => {
      expect(codes('https://musterstadt.de/a')).toEqual(['link-without-context']);
      expect(codes('Hier:\n\nhttps://musterstadt.de/a')).toEqual(['link-without-context']);
      const list = checkTextQuality('Anmeldung zum Ferienprogramm:\nhttps://a.de/1\nhttps://a.de/2');
      expect(list).toEqual([expect.objectContaining({ detail: { count: 1, excerpt: 'https://a.de/2' } })]);
    });

    it('accepts a link that follows a line saying where it leads', () => {
      expect(codes('Anmeldung zum Ferienprogramm bis 15. Mai:\nhttps://musterstadt.de/ferien?jahr=2026')).toEqual([]);
      expect(codes('Die Tagesordnung steht unter https://musterstadt.de/rat.')).toEqual([]);
    });
  });
});

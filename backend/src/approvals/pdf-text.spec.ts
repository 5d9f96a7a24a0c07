import { pdfLabel, pdfText } from './pdf-text';

describe('pdfText', () => {
  it('keeps German text, typographic quotes, dashes and the euro sign as they are', () => {
    expect(pdfText('Grüße aus Köln – „Straßenfest“ für 5 € … ÄÖÜß')).toBe('Grüße aus Köln – „Straßenfest“ für 5 € … ÄÖÜß');
  });

  it('composes decomposed umlauts and writes line breaks as \\n', () => {
    expect(pdfText('Marktpl\u0061\u0308tz\r\nZeile 2\rZeile 3\tEnde')).toBe('Marktplätz\nZeile 2\nZeile 3    Ende');
  });

  it('names characters the standard fonts cannot show by their code point instead of dropping them', () => {
    expect(pdfText('Sommer 😀! Łódź \u0007')).toBe('Sommer [U+1F600]! [U+0141]ód[U+017A] [U+0007]');
  });
});

describe('pdfLabel', () => {
  it('gives arrows in route names a readable stand-in, and otherwise shows text like pdfText', () => {
    expect(pdfLabel('Redaktion → Leitung ✓ 😀')).toBe('Redaktion -> Leitung (ok) [U+1F600]');
  });
});

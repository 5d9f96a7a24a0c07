import { inlineSpans, markdownBlocks } from './markdown-blocks';

describe('markdownBlocks', () => {
  it('reads paragraphs, lists and bold text as plain data', () => {
    const blocks = markdownBlocks('Ein **Plan** nimmt\nDruck heraus.\n\n- erstens\n- zweitens,\n  fortgesetzt\n\n1. eins\n2. zwei');
    expect(blocks).toEqual([
      { kind: 'paragraph', spans: [{ text: 'Ein ', strong: false }, { text: 'Plan', strong: true }, { text: ' nimmt Druck heraus.', strong: false }] },
      { kind: 'list', ordered: false, items: [[{ text: 'erstens', strong: false }], [{ text: 'zweitens, fortgesetzt', strong: false }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'eins', strong: false }], [{ text: 'zwei', strong: false }]] },
    ]);
  });

  it('keeps markup as text, so nothing in the content can become an element', () => {
    const [block] = markdownBlocks('<img src=x onerror=alert(1)> **fett');
    expect(block).toEqual({ kind: 'paragraph', spans: [{ text: '<img src=x onerror=alert(1)> **fett', strong: false }] });
  });

  it('leaves an unmatched marker as typed', () => {
    expect(inlineSpans('a ** b')).toEqual([{ text: 'a ** b', strong: false }]);
  });
});

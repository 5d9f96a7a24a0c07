/**
 * A deliberately small reading of the curriculum's Markdown: paragraphs, bullet and numbered
 * lists, **bold**. The result is plain data that templates turn into text nodes, so nothing in
 * the content can ever become markup (no innerHTML, nothing for the sanitiser to get wrong).
 * Anything else (headings, links) stays visible as its text.
 */
export interface TextSpan {
  readonly text: string;
  readonly strong: boolean;
}

export type MarkdownBlock =
  | { readonly kind: 'paragraph'; readonly spans: readonly TextSpan[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: ReadonlyArray<readonly TextSpan[]> };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function markdownBlocks(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', spans: inlineSpans(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(inlineSpans) });
    paragraph = [];
    list = null;
  };
  for (const line of source.split(/\r?\n/)) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (!line.trim()) {
      flush();
    } else if (item) {
      const ordered = numbered !== null;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push((item[1] ?? '').trim());
    } else if (list && /^\s+\S/.test(line)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** `**bold**` (or `__bold__`) becomes a strong span; an unmatched marker stays as typed. */
export function inlineSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const pattern = /(\*\*|__)(.+?)\1/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) spans.push({ text: text.slice(last, match.index), strong: false });
    spans.push({ text: match[2] ?? '', strong: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), strong: false });
  return spans;
}

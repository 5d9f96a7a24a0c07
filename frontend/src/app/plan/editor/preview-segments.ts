import { findHashtags, findLinks } from '@amtsplan/domain';

export interface PreviewSegment {
  readonly text: string;
  readonly kind: 'plain' | 'hashtag' | 'link';
}

/** The text cut into plain runs, hashtags and links, so the preview can highlight them. */
export function previewSegments(text: string): PreviewSegment[] {
  const marks = [
    ...findHashtags(text).map((span) => ({ ...span, kind: 'hashtag' as const })),
    ...findLinks(text, { bareDomains: false }).map((span) => ({ ...span, kind: 'link' as const })),
  ].sort((a, b) => a.start - b.start);
  const segments: PreviewSegment[] = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start < cursor) continue;
    if (mark.start > cursor) segments.push({ text: text.slice(cursor, mark.start), kind: 'plain' });
    segments.push({ text: text.slice(mark.start, mark.end), kind: mark.kind });
    cursor = mark.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), kind: 'plain' });
  return segments;
}

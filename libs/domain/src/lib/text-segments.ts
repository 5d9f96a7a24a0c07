/**
 * Finding the pieces of a post text that platforms and screen readers treat specially:
 * user-perceived characters, emoji, links, hashtags. Pure string work, runs in Node and
 * in the browser (Intl.Segmenter is in both since 2024).
 */

export interface TextSpan {
  /** UTF-16 offsets, as String#slice expects them. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const graphemeSegmenter = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** User-perceived characters: 👨‍👩‍👧, 🇩🇪 and "e" + combining accent are one each. */
export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count++;
  return count;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;
const KEYCAP = '\u20E3';
const EMOJI_VARIATION = '\uFE0F';

/**
 * Whether a grapheme shows as an emoji. Pictographs like © or ™ count only when they render
 * as emoji by default or carry the emoji variation selector, so "Stadt™" is not an emoji.
 */
export function isEmojiGrapheme(grapheme: string): boolean {
  if (grapheme.includes(KEYCAP) || REGIONAL_INDICATOR.test(grapheme)) return true;
  return PICTOGRAPHIC.test(grapheme) && (EMOJI_PRESENTATION.test(grapheme) || grapheme.includes(EMOJI_VARIATION));
}

const URL_WITH_PROTOCOL = /https?:\/\/[^\s<>"]+/giu;

/**
 * Top-level domains we recognise without "https://". X links any valid TLD; a full list
 * would turn "Ende.Neu" typos into links, so we keep the ones German authorities use.
 */
const BARE_DOMAIN_TLDS = [
  'de', 'com', 'org', 'net', 'eu', 'info', 'gov', 'int', 'io', 'app', 'social', 'online', 'digital', 'jobs',
  'at', 'ch', 'berlin', 'hamburg', 'bayern', 'nrw', 'koeln', 'cologne', 'ruhr', 'saarland', 'bund',
];
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._/-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:` +
    BARE_DOMAIN_TLDS.join('|') +
    String.raw`)(?![\p{L}\p{N}-])(?:[/?#][^\s<>"]*)?`,
  'giu',
);

const TRAILING_PUNCTUATION = /[.,;:!?'"»«“”‘’]$/u;

/** "(siehe https://stadt.de/a)." ends the link before ")." — unless the link opened a bracket. */
function trimLinkEnd(link: string): string {
  let end = link;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(end)) end = end.slice(0, -1);
    else if (end.endsWith(')') && count(end, '(') < count(end, ')')) end = end.slice(0, -1);
    else return end;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function spansOf(text: string, pattern: RegExp): TextSpan[] {
  return Array.from(text.matchAll(pattern), (m) => {
    const link = trimLinkEnd(m[0]);
    return { start: m.index, end: m.index + link.length, text: link };
  });
}

/** Links in order of appearance; bare domains only when the platform links them too. */
export function findLinks(text: string, options: { readonly bareDomains: boolean }): TextSpan[] {
  const withProtocol = spansOf(text, URL_WITH_PROTOCOL);
  if (!options.bareDomains) return withProtocol;
  const bare = spansOf(text, BARE_DOMAIN).filter((b) => !withProtocol.some((p) => b.start < p.end && p.start < b.end));
  return [...withProtocol, ...bare].sort((a, b) => a.start - b.start);
}

const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#/])#([\p{L}\p{M}\p{N}_]+)/gu;
const HAS_LETTER = /\p{L}/u;

/**
 * Hashtags, without the ones inside links ("…/seite#abschnitt") and without pure numbers
 * ("#1" is not a hashtag on any platform). `text` of a span is the tag without "#".
 */
export function findHashtags(text: string): TextSpan[] {
  const links = findLinks(text, { bareDomains: true });
  return Array.from(text.matchAll(HASHTAG))
    .filter((m) => HAS_LETTER.test(m[1]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[1] }))
    .filter((tag) => !links.some((l) => tag.start < l.end && l.start < tag.end));
}


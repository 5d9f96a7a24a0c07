import { PLATFORM_RULES, textLimitFor, type PlatformId, type TextCounting } from './platforms';
import { findLinks, graphemes, isEmojiGrapheme } from './text-segments';

export interface TextMeasure {
  readonly used: number;
  /** null where the platform has no fixed limit. */
  readonly limit: number | null;
  readonly remaining: number | null;
  readonly over: boolean;
  /** Set where the platform counts every link as this many characters. */
  readonly urlsCountedAs?: number;
  /** YouTube only: the first line, measured against the title limit. */
  readonly title?: TextMeasure;
}

export interface MeasureOptions {
  /** The channel's own limit; honoured only where the platform allows it (Mastodon). */
  readonly textLimit?: number | null;
}

/**
 * X's twitter-text v3 configuration: code points in these ranges weigh 1, all others 2
 * (CJK, most symbols); an emoji sequence weighs 2 however many code points it has; every
 * URL weighs 23; the text is NFC-normalised first. Source: github.com/twitter/twitter-text,
 * config/v3.json, and docs.x.com "Counting characters".
 */
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function xWeight(grapheme: string): number {
  if (isEmojiGrapheme(grapheme)) return 2;
  let weight = 0;
  for (const char of grapheme) {
    const code = char.codePointAt(0) ?? 0;
    weight += X_LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
  }
  return weight;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const GRAPHEME_WEIGHT: { readonly [C in TextCounting]: (grapheme: string) => number } = {
  graphemes: () => 1,
  'x-weighted': xWeight,
  // Threads API: "Emojis are counted as the number of UTF-8 bytes."
  threads: (g) => (isEmojiGrapheme(g) ? utf8Length(g) : 1),
};

const REMOTE_MENTION = /(?<![\p{L}\p{N}_])(@[\p{L}\p{N}_]+)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function countText(platform: PlatformId, text: string): number {
  const rules = PLATFORM_RULES[platform];
  let prepared = rules.counting === 'x-weighted' ? text.normalize('NFC') : text;
  // Mastodon counts "@presse@social.bund.de" as "@presse" (StatusLengthValidator).
  if (platform === 'mastodon') prepared = prepared.replace(REMOTE_MENTION, '$1');
  const weigh = GRAPHEME_WEIGHT[rules.counting];
  const links = rules.urlLength === null ? [] : findLinks(prepared, { bareDomains: rules.bareDomainsAreLinks });
  let used = 0;
  let cursor = 0;
  for (const link of links) {
    for (const g of graphemes(prepared.slice(cursor, link.start))) used += weigh(g);
    used += rules.urlLength ?? 0;
    cursor = link.end;
  }
  for (const g of graphemes(prepared.slice(cursor))) used += weigh(g);
  return used;
}

function measure(used: number, limit: number | null): TextMeasure {
  return { used, limit, remaining: limit === null ? null : limit - used, over: limit !== null && used > limit };
}

/** YouTube takes one text field in Amtsplan: its first line is the title, the rest the description. */
export function splitYouTubeText(text: string): { readonly title: string; readonly description: string } {
  const lineBreak = text.indexOf('\n');
  if (lineBreak < 0) return { title: text.trim(), description: '' };
  return { title: text.slice(0, lineBreak).trim(), description: text.slice(lineBreak + 1) };
}

/**
 * The editor's counter for one channel. For YouTube the top level measures the description
 * and `title` the first line; `over` is true when either is too long.
 */
export function measureText(platform: PlatformId, text: string, options: MeasureOptions = {}): TextMeasure {
  const rules = PLATFORM_RULES[platform];
  if (rules.titleLimit !== null) {
    const { title, description } = splitYouTubeText(text);
    const titleMeasure = measure(countText(platform, title), rules.titleLimit);
    const body = measure(countText(platform, description), rules.textLimit);
    return { ...body, over: body.over || titleMeasure.over, title: titleMeasure };
  }
  const result = measure(countText(platform, text), textLimitFor(platform, options.textLimit));
  return rules.urlLength === null ? result : { ...result, urlsCountedAs: rules.urlLength };
}

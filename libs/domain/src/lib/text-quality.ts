import { findHashtags, findLinks, graphemes, isEmojiGrapheme, type TextSpan } from './text-segments';

/**
 * Accessibility and style checks on one text, independent of the platform. They warn
 * only: each has legitimate exceptions the editor can judge better than a heuristic.
 */
export type TextQualityCode =
  | 'hashtag-not-camel-case'
  | 'emoji-run'
  | 'emoji-only-line'
  | 'styled-unicode-text'
  | 'link-without-context';

export interface TextQualityIssue {
  readonly code: TextQualityCode;
  readonly message: string;
  readonly detail?: { readonly count?: number; readonly excerpt?: string };
}

/**
 * A hashtag with more than this many letters and no capital after the first one probably
 * glues words together ("#stadtratsitzung"), which screen readers read as one garbled
 * word. Short ones are usually one word ("#kita", "#feuerwehr", "#musterstadt" with 11
 * letters still passes). Long single words ("#digitalisierung") are a known false
 * warning; that is why it only warns.
 */
export const CAMEL_CASE_MIN_LETTERS = 13;
const LETTER = /\p{L}/gu;
const UPPERCASE = /\p{Lu}/u;

function hashtagIssues(text: string): TextQualityIssue[] {
  const seen = new Set<string>();
  const issues: TextQualityIssue[] = [];
  for (const tag of findHashtags(text)) {
    const letters = tag.text.match(LETTER)?.length ?? 0;
    if (letters < CAMEL_CASE_MIN_LETTERS || UPPERCASE.test(tag.text.slice(1)) || seen.has(tag.text)) continue;
    seen.add(tag.text);
    issues.push({
      code: 'hashtag-not-camel-case',
      message: `Hashtag in CamelCase schreiben (#StadtratSitzung), damit Screenreader die Wörter erkennen: #${tag.text}`,
      detail: { excerpt: `#${tag.text}` },
    });
  }
  return issues;
}

const WHITESPACE = /^\s+$/u;

/**
 * Screen readers announce every emoji by name ("Gesicht mit Freudentränen"). Emoji
 * separated only by spaces still form a row; anything else breaks it. Lines made only of
 * emoji (decorative separators, "👇") get their own finding and are not counted as rows too.
 */
function emojiIssues(text: string): TextQualityIssue[] {
  let longestRun = 0;
  let emojiOnlyLines = 0;
  for (const line of text.split('\n')) {
    const chars = graphemes(line).filter((g) => !WHITESPACE.test(g));
    if (chars.length > 0 && chars.every(isEmojiGrapheme)) {
      emojiOnlyLines++;
      continue;
    }
    let run = 0;
    for (const g of chars) {
      run = isEmojiGrapheme(g) ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
  }
  const issues: TextQualityIssue[] = [];
  if (longestRun > 2) {
    issues.push({
      code: 'emoji-run',
      message: 'Mehr als zwei Emojis hintereinander: Screenreader lesen jedes einzeln vor.',
      detail: { count: longestRun },
    });
  }
  if (emojiOnlyLines > 0) {
    issues.push({
      code: 'emoji-only-line',
      message: 'Zeile nur aus Emojis: Screenreader lesen sie als Folge von Bildbeschreibungen vor.',
      detail: { count: emojiOnlyLines },
    });
  }
  return issues;
}

/**
 * "Fake bold/italic" from text generators: Mathematical Alphanumeric Symbols, the
 * Letterlike Symbols that fill its gaps (ℎ, ℝ …), circled, parenthesised, squared and
 * fullwidth letters. Screen readers read them as "mathematical bold capital H" or not at
 * all, and search does not find them.
 */
const STYLED_LETTER = new RegExp(
  '[' +
    [
      String.raw`\u{1D400}-\u{1D7FF}`, // Mathematical Alphanumeric Symbols: 𝐇𝐚𝐥𝐥𝐨, 𝘬𝘶𝘳𝘴𝘪𝘷
      String.raw`\u210A-\u2113\u2115\u2119-\u211D\u2124\u2128\u212C\u212D\u212F-\u2131\u2133\u2134`, // ℎ ℝ ℬ …
      String.raw`\u249C-\u24E9`, // ⒜ Ⓐ ⓐ
      String.raw`\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A`, // ０ Ａ ａ
      // 🄰 🅐 🅰 — but not 🅰️ 🅱️ 🅾️ 🅿️ (U+1F170, 1F171, 1F17E, 1F17F), which are emoji in their own right
      String.raw`\u{1F130}-\u{1F16F}\u{1F172}-\u{1F17D}\u{1F180}-\u{1F189}`,
    ].join('') +
    ']',
  'u',
);

/** One stray ℓ or ℝ is not styling; two or more are. */
const STYLED_MIN_CHARS = 2;

function styledTextIssues(text: string): TextQualityIssue[] {
  const chars = Array.from(text);
  const styled = chars.filter((c) => STYLED_LETTER.test(c)).length;
  if (styled < STYLED_MIN_CHARS) return [];
  // The first styled run, spaces included, so the editor can find "𝐇𝐚𝐥𝐥𝐨 𝐖𝐞𝐥𝐭" in the text.
  const first = chars.findIndex((c) => STYLED_LETTER.test(c));
  let end = first;
  while (end < chars.length && (STYLED_LETTER.test(chars[end]) || WHITESPACE.test(chars[end]))) end++;
  return [
    {
      code: 'styled-unicode-text',
      message: 'Unicode-Fett- oder -Kursivschrift (z. B. 𝐇𝐚𝐥𝐥𝐨) ist für Screenreader unlesbar und wird bei der Suche nicht gefunden.',
      detail: { count: styled, excerpt: chars.slice(first, Math.min(end, first + 40)).join('').trim() },
    },
  ];
}

/** What people write instead of saying where a link leads. Compared after normalising. */
const VAGUE_LINK_TEXTS = new Set([
  'hier',
  'hier klicken',
  'klicken sie hier',
  'klick hier',
  'hier entlang',
  'hier gehts lang',
  'hier gehts weiter',
  'hier der link',
  'link hier',
  'link',
  'zum link',
  'mehr',
  'mehr dazu',
  'mehr infos',
  'mehr informationen',
  'mehr erfahren',
  'weiterlesen',
  'weitere infos',
  'infos',
  'click here',
  'here',
  'more',
  'read more',
]);

/** Drops emoji, arrows, colons and the like, so "👉 Hier klicken: " becomes "hier klicken". */
function linkLead(text: string): string {
  return graphemes(text)
    .filter((g) => !isEmojiGrapheme(g))
    .join('')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A link lacks context when the words right before it on its line are only a vague
 * "hier"/"mehr"/"Link", or when it stands alone on its line and no line before it
 * says anything (the post starts with it, or the line before is vague or itself a link).
 */
function linkIssues(text: string): TextQualityIssue[] {
  const lines = text.split('\n');
  const vague: string[] = [];
  let previousLead: string | null = null;
  for (const line of lines) {
    const links: TextSpan[] = findLinks(line, { bareDomains: true });
    let cursor = 0;
    for (const link of links) {
      const before = linkLead(line.slice(cursor, link.start));
      const aloneOnLine = before === '' && linkLead(line.slice(link.end)) === '' && links.length === 1;
      const noContextAbove = previousLead === null || previousLead === '' || VAGUE_LINK_TEXTS.has(previousLead);
      if (VAGUE_LINK_TEXTS.has(before) || (aloneOnLine && noContextAbove)) vague.push(link.text);
      cursor = link.end;
    }
    const lead = linkLead(links.reduceRight((rest, l) => rest.slice(0, l.start) + rest.slice(l.end), line));
    if (lead !== '' || links.length > 0) previousLead = lead;
  }
  if (vague.length === 0) return [];
  return [
    {
      code: 'link-without-context',
      message: 'Link ohne Zusammenhang: Bitte dazuschreiben, wohin der Link führt, statt „hier“ oder einer nackten Adresse.',
      detail: { count: vague.length, excerpt: vague[0] },
    },
  ];
}

export function checkTextQuality(text: string): TextQualityIssue[] {
  return [...hashtagIssues(text), ...emojiIssues(text), ...styledTextIssues(text), ...linkIssues(text)];
}

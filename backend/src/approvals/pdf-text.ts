/**
 * The 27 characters Windows-1252 (WinAnsiEncoding) has in 0x80–0x9F, besides ASCII and Latin-1.
 * PDF's standard fonts (Helvetica, Courier) can show exactly this set and nothing else.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function shownByStandardFonts(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Text as the PDF's standard fonts can show it: composed (NFC, so „a + ◌̈“ becomes „ä“), line
 * breaks as \n, tabs as spaces, and every character outside WinAnsi (emoji, most non-Latin
 * scripts, control characters) written as its code point, e.g. „[U+1F600]“. The protocol then
 * says truthfully which character was approved instead of dropping it or printing garbage;
 * the exact bytes are bound by the content hash printed next to it.
 */
export function pdfText(text: string): string {
  const composed = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
  let shown = '';
  for (const char of composed) {
    shown += shownByStandardFonts(char) ? char : `[U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return shown;
}

/** Arrows and similar signs that names of routes and steps use, with a WinAnsi stand-in. */
const STAND_INS: ReadonlyArray<readonly [RegExp, string]> = [
  [/→|⇒|➔/g, '->'],
  [/←|⇐/g, '<-'],
  [/↔|⇔/g, '<->'],
  [/✓|✔/g, '(ok)'],
];

/**
 * Names and labels around the approved content (route „Redaktion → Leitung“, people, steps):
 * common signs get a readable stand-in first. Never for the approved text itself, which
 * pdfText shows faithfully.
 */
export function pdfLabel(text: string): string {
  return pdfText(STAND_INS.reduce((shown, [sign, standIn]) => shown.replace(sign, standIn), text));
}

import { parse } from 'csv-parse/sync';
import { ImportFileProblem } from './import-file-errors';
import type { ImportSheet } from './import-sheet';

const BOM = '\uFEFF';

/** German Excel writes `;`, most other tools `,`: whichever the header line uses more (outside quotes). */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (semicolons + commas > 0) break;
    } else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : commas > 0 ? ',' : ';';
}

/** Valid UTF-8 text, without its byte order mark; null when the bytes are something else. */
export function decodeUtf8Text(content: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
  if (hasControlCharacters(text)) return null;
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Control characters other than tab and line breaks do not occur in a text file, but in binary ones. */
function hasControlCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

export function readCsvSheet(text: string): ImportSheet {
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectSeparator(text), relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw ImportFileProblem.unreadable(`Die CSV-Datei ist fehlerhaft${line ? ` (um Zeile ${line})` : ''}: Anführungszeichen oder Trennzeichen passen nicht zusammen.`);
  }
  return { format: 'csv', name: null, rows: records.map((cells, index) => ({ number: index + 1, cells })) };
}

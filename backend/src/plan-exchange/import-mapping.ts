import type { PlanImportField } from '@amtsplan/contracts';

/**
 * Header names that usually mean a field, most specific first. „Thema“ is the last choice for
 * the working title (old Excel plans call the subject of a post „Thema“) and for the topic,
 * so a sheet with both „Titel“ and „Thema“ gets one of each.
 */
const HEADER_NAMES: ReadonlyArray<readonly [PlanImportField, readonly string[]]> = [
  ['date', ['Datum', 'Date', 'Veröffentlichungsdatum', 'Veröffentlichung', 'Publikationsdatum', 'Termin', 'Tag']],
  ['time', ['Uhrzeit', 'Zeit', 'Time', 'Uhr']],
  ['workingTitle', ['Arbeitstitel', 'Titel', 'Title', 'Working title', 'Betreff', 'Überschrift', 'Thema']],
  ['text', ['Beitragstext', 'Text', 'Posttext', 'Post-Text', 'Inhalt', 'Content', 'Beitrag']],
  ['channels', ['Kanäle', 'Kanal', 'Plattformen', 'Plattform', 'Channels', 'Channel', 'Platform', 'Netzwerk']],
  ['status', ['Status']],
  ['tags', ['Schlagwörter', 'Schlagworte', 'Hashtags', 'Tags', 'Stichwörter']],
  ['topic', ['Kategorie', 'Themenbereich', 'Rubrik', 'Topic', 'Category', 'Thema']],
];

/** Short names only match exactly: „Tag“ must not claim a column „Tags“. */
const PREFIX_MIN_LENGTH = 5;

export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

/** Field → column, from the header names; each column is suggested for at most one field. */
export function suggestMapping(columns: readonly string[]): Partial<Record<PlanImportField, string>> {
  const normalized = columns.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: Partial<Record<PlanImportField, string>> = {};
  for (const [field, names] of HEADER_NAMES) {
    const index = findColumn(normalized, used, names.map(normalizeHeader));
    if (index >= 0) {
      used.add(index);
      mapping[field] = columns[index];
    }
  }
  return mapping;
}

function findColumn(normalized: readonly string[], used: ReadonlySet<number>, names: readonly string[]): number {
  const free = (index: number) => index >= 0 && !used.has(index);
  for (const name of names) {
    const exact = normalized.findIndex((header, index) => header === name && free(index));
    if (exact >= 0) return exact;
  }
  for (const name of names.filter((n) => n.length >= PREFIX_MIN_LENGTH)) {
    const prefixed = normalized.findIndex((header, index) => header.startsWith(name) && free(index));
    if (prefixed >= 0) return prefixed;
  }
  return -1;
}

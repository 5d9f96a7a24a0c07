/** The categories every organization starts with (seeded, then the organization's own to change). */
export const DEFAULT_TEXT_BLOCK_CATEGORIES = [
  'Öffnungszeiten',
  'Termine/Bürgerbüro',
  'Abfall',
  'Baustellen & Verkehr',
  'Kita & Schule',
  'Stellenangebote',
  'Veranstaltungen',
  'Datenschutz',
  'Netiquette-Hinweis',
  'Hass & Beleidigung',
  'Weiterleitung an Fachbereich',
  'Krisen-Haltungsstatement',
] as const;

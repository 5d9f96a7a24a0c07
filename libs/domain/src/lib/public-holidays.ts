import { getHolidays } from 'feiertagejs';

/** The sixteen Länder by their ISO 3166-2:DE codes (without "DE-"). */
export const BUNDESLAENDER = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export type Bundesland = (typeof BUNDESLAENDER)[number];

export const BUNDESLAND_NAMES: { readonly [B in Bundesland]: string } = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen',
  NW: 'Nordrhein-Westfalen',
  RP: 'Rheinland-Pfalz',
  SL: 'Saarland',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen',
};

type FeiertageRegion = Parameters<typeof getHolidays>[1];
type FeiertageHoliday = ReturnType<typeof getHolidays>[number]['name'];

/**
 * feiertagejs happens to use the same two letters; the table still maps them one by one so
 * a renamed code in a library update fails the type check instead of returning no holidays.
 */
const FEIERTAGE_REGION: { readonly [B in Bundesland]: FeiertageRegion } = {
  BW: 'BW',
  BY: 'BY',
  BE: 'BE',
  BB: 'BB',
  HB: 'HB',
  HH: 'HH',
  HE: 'HE',
  MV: 'MV',
  NI: 'NI',
  NW: 'NW',
  RP: 'RP',
  SL: 'SL',
  SN: 'SN',
  ST: 'ST',
  SH: 'SH',
  TH: 'TH',
};

/**
 * Our own German names: feiertagejs translates through a process-wide language setting
 * that any other caller may change.
 */
const HOLIDAY_NAMES: { readonly [H in FeiertageHoliday]: string } = {
  NEUJAHRSTAG: 'Neujahr',
  HEILIGEDREIKOENIGE: 'Heilige Drei Könige',
  WELTFRAUENTAG: 'Internationaler Frauentag',
  KARFREITAG: 'Karfreitag',
  OSTERSONNTAG: 'Ostersonntag',
  OSTERMONTAG: 'Ostermontag',
  TAG_DER_ARBEIT: 'Tag der Arbeit',
  CHRISTIHIMMELFAHRT: 'Christi Himmelfahrt',
  PFINGSTSONNTAG: 'Pfingstsonntag',
  PFINGSTMONTAG: 'Pfingstmontag',
  FRONLEICHNAM: 'Fronleichnam',
  AUGSBURGER_FRIEDENSFEST: 'Augsburger Hohes Friedensfest',
  MARIAHIMMELFAHRT: 'Mariä Himmelfahrt',
  WELTKINDERTAG: 'Weltkindertag',
  DEUTSCHEEINHEIT: 'Tag der Deutschen Einheit',
  REFORMATIONSTAG: 'Reformationstag',
  ALLERHEILIGEN: 'Allerheiligen',
  BUBETAG: 'Buß- und Bettag',
  ERSTERWEIHNACHTSFEIERTAG: '1. Weihnachtstag',
  ZWEITERWEIHNACHTSFEIERTAG: '2. Weihnachtstag',
};

/**
 * Holidays of a whole Land only. Left out, because they hold in part of a Land: the
 * Augsburger Friedensfest (city of Augsburg only), Fronleichnam in parts of Sachsen and
 * Thüringen. Kept as feiertagejs gives them: Mariä Himmelfahrt for all of Bayern (legally
 * only in communities with a Catholic majority, which is most of them).
 */
const CITY_ONLY: readonly FeiertageHoliday[] = ['AUGSBURGER_FRIEDENSFEST'];

export interface PublicHoliday {
  /** 'YYYY-MM-DD'. */
  readonly date: string;
  readonly name: string;
}

export function isBundesland(value: unknown): value is Bundesland {
  return typeof value === 'string' && (BUNDESLAENDER as readonly string[]).includes(value);
}

export function publicHolidays(bundesland: Bundesland, year: number): PublicHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Kein gültiges Jahr: ${year}`);
  return (
    getHolidays(year, FEIERTAGE_REGION[bundesland])
      .filter((holiday) => !CITY_ONLY.includes(holiday.name))
      // The library puts each date at 12:00 UTC; its own dateString uses the machine's
      // zone and shifts a day east of UTC+12, so the date is read in UTC instead.
      .map((holiday) => ({ date: holiday.date.toISOString().slice(0, 10), name: HOLIDAY_NAMES[holiday.name] }))
      .sort((a, b) => a.date.localeCompare(b.date))
  );
}

import { BUNDESLAENDER, BUNDESLAND_NAMES, isBundesland, publicHolidays } from './public-holidays';

const on = (land: Parameters<typeof publicHolidays>[0], date: string) => publicHolidays(land, 2026).find((h) => h.date === date)?.name;

describe('publicHolidays', () => {
  it('has Fronleichnam and Allerheiligen in Nordrhein-Westfalen 2026', () => {
    expect(on('NW', '2026-06-04')).toBe('Fronleichnam');
    expect(on('NW', '2026-11-01')).toBe('Allerheiligen');
    expect(on('NW', '2026-10-31')).toBeUndefined();
  });

  it('has the Land-specific days of Berlin, Sachsen and Thüringen', () => {
    expect(on('BE', '2026-03-08')).toBe('Internationaler Frauentag');
    expect(on('SN', '2026-11-18')).toBe('Buß- und Bettag');
    expect(on('TH', '2026-09-20')).toBe('Weltkindertag');
    expect(on('BE', '2026-06-04')).toBeUndefined();
  });

  it('leaves out the Augsburger Friedensfest, which holds in one city only', () => {
    expect(on('BY', '2026-08-08')).toBeUndefined();
    expect(on('BY', '2026-08-15')).toBe('Mariä Himmelfahrt');
  });

  it('gives every Land the national holidays, sorted by date', () => {
    for (const land of BUNDESLAENDER) {
      const holidays = publicHolidays(land, 2026);
      expect(holidays[0]).toEqual({ date: '2026-01-01', name: 'Neujahr' });
      expect(holidays).toContainEqual({ date: '2026-10-03', name: 'Tag der Deutschen Einheit' });
      expect(holidays.map((h) => h.date)).toEqual(holidays.map((h) => h.date).sort());
    }
  });

  it('follows the year a holiday was introduced', () => {
    expect(publicHolidays('BE', 2018).some((h) => h.name === 'Internationaler Frauentag')).toBe(false);
    expect(publicHolidays('BE', 2019).some((h) => h.name === 'Internationaler Frauentag')).toBe(true);
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => publicHolidays('BW', 2026.5)).toThrow(RangeError);
  });

  it('names all sixteen Länder', () => {
    expect(Object.keys(BUNDESLAND_NAMES)).toHaveLength(16);
    expect(isBundesland('NW')).toBe(true);
    expect(isBundesland('DE-NW')).toBe(false);
  });
});

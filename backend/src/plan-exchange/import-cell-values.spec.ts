import { cellText, parseImportDate, parseImportTime, splitList } from './import-cell-values';

describe('reading dates and times from plan cells', () => {
  it.each([
    ['31.12.2026', '2026-12-31'],
    ['31.12.26', '2026-12-31'],
    ['1.2.2027', '2027-02-01'],
    ['2026-12-31', '2026-12-31'],
    [' 05.12.2026 ', '2026-12-05'],
  ])('reads %p as %s', (text, date) => {
    expect(parseImportDate(text)).toEqual({ date, time: null });
  });

  it.each(['31.02.2026', '2026-13-01', '12/31/2026', 'morgen', '', '31.12.'])('refuses %p', (text) => {
    expect(parseImportDate(text)).toBeNull();
  });

  it('reads Excel date cells by their wall-clock fields, with a time when the cell has one', () => {
    expect(parseImportDate(new Date('2026-12-31T00:00:00Z'))).toEqual({ date: '2026-12-31', time: null });
    expect(parseImportDate(new Date('2026-12-31T09:30:00Z'))).toEqual({ date: '2026-12-31', time: '09:30' });
    // A time cell alone is no date.
    expect(parseImportDate(new Date('1899-12-30T09:30:00Z'))).toBeNull();
    // A date cell that lost its format arrives as the bare serial number.
    expect(parseImportDate(46387)).toEqual({ date: '2026-12-31', time: null });
    expect(parseImportDate(12)).toBeNull();
  });

  it.each([
    ['9:30', '09:30'],
    ['09:30', '09:30'],
    ['09:30:00', '09:30'],
    ['9.30 Uhr', '09:30'],
    ['23:59', '23:59'],
  ])('reads the time %p as %s', (text, time) => {
    expect(parseImportTime(text)).toBe(time);
  });

  it.each(['24:00', '9:60', '930', 'mittags'])('refuses the time %p', (text) => {
    expect(parseImportTime(text)).toBeNull();
  });

  it('reads Excel time cells and day fractions', () => {
    expect(parseImportTime(new Date('1899-12-30T14:15:00Z'))).toBe('14:15');
    expect(parseImportTime(0.5)).toBe('12:00');
    expect(parseImportTime(1.5)).toBeNull();
  });

  it('shows cells as a person reads them in the sheet', () => {
    expect(cellText(new Date('2026-12-31T00:00:00Z'))).toBe('31.12.2026');
    expect(cellText(new Date('2026-12-31T09:30:00Z'))).toBe('31.12.2026 09:30');
    expect(cellText(new Date('1899-12-30T09:30:00Z'))).toBe('09:30');
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('WAHR');
    expect(cellText('  Text  ')).toBe('Text');
  });

  it('splits lists by comma, semicolon or line, without duplicates', () => {
    expect(splitList('Facebook, Instagram;Mastodon\nFacebook,')).toEqual(['Facebook', 'Instagram', 'Mastodon']);
  });
});

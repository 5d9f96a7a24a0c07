import { describeRule } from './recurrence-description';

describe('describeRule', () => {
  it.each([
    ['FREQ=DAILY', 'Täglich'],
    ['FREQ=DAILY;INTERVAL=3', 'Alle 3 Tage'],
    ['FREQ=DAILY;BYDAY=MO,WE,FR', 'Wöchentlich am Montag, Mittwoch und Freitag'],
    ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0', 'Wöchentlich am Dienstag um 10:00 Uhr'],
    ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', 'Alle 2 Wochen am Dienstag und Donnerstag'],
    ['FREQ=WEEKLY', 'Wöchentlich'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'Monatlich am 15.'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15;BYHOUR=9;BYMINUTE=30', 'Monatlich am 1. und 15. um 9:30 Uhr'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'Monatlich am letzten Tag'],
    ['FREQ=MONTHLY;BYDAY=1TU', 'Monatlich am ersten Dienstag'],
    ['FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR', 'Alle 3 Monate am letzten Freitag'],
    ['FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2', 'Monatlich am zweiten Mittwoch'],
    ['FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=3', 'Jährlich am 3. Oktober'],
    ['FREQ=WEEKLY;BYDAY=MO;BYHOUR=15,9;BYMINUTE=0', 'Wöchentlich am Montag um 9:00 und 15:00 Uhr'],
    ['FREQ=WEEKLY;BYDAY=FR;COUNT=10', 'Wöchentlich am Freitag, 10-mal'],
    ['FREQ=WEEKLY;BYDAY=FR;UNTIL=20261218T230000Z', 'Wöchentlich am Freitag, bis 18.12.2026'],
  ])('%s → %s', (rule, text) => {
    expect(describeRule(rule)).toBe(text);
  });

  it('falls back to the rule where a German sentence would be guesswork', () => {
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=WEEKLY;BYMINUTE=15',
      'FREQ=DAILY;INTERVAL=2;BYDAY=MO',
      'FREQ=YEARLY;BYMONTH=3,9',
      'FREQ=NONSENSE',
    ]) {
      expect(describeRule(` ${rule} `)).toBe(rule);
    }
  });
});

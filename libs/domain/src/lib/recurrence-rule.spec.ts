import { parseRule, ruleLine, validateRule } from './recurrence-rule';

describe('validateRule', () => {
  it('accepts the rules the series form produces', () => {
    for (const rule of [
      'FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'FREQ=MONTHLY;BYDAY=1TU',
      'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1',
      'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12',
      'FREQ=DAILY;UNTIL=20261231T235959Z',
      'freq=yearly;bymonth=10;bymonthday=3',
    ]) {
      expect(validateRule(rule)).toBeNull();
    }
  });

  it('explains what is wrong, in German', () => {
    expect(validateRule('')).toBe('Bitte eine Wiederholungsregel angeben.');
    expect(validateRule('BYDAY=TU')).toBe('FREQ fehlt: täglich, wöchentlich, monatlich oder jährlich?');
    expect(validateRule('FREQ=FOO')).toBe('Unbekannte Häufigkeit „FOO“.');
    expect(validateRule('FREQ=HOURLY')).toBe('Serien wiederholen sich höchstens täglich.');
    expect(validateRule('FREQ=WEEKLY;BYDAY=XX')).toContain('Unbekannter Wochentag „XX“');
    expect(validateRule('FREQ=WEEKLY;BYHOUR=24')).toBe('BYHOUR erwartet Zahlen von 0 bis 23, nicht „24“.');
    expect(validateRule('FREQ=WEEKLY;INTERVAL=0')).toContain('INTERVAL');
    expect(validateRule('FREQ=WEEKLY;COUNT=3;UNTIL=20261231')).toContain('schließen sich aus');
    expect(validateRule('FREQ=WEEKLY;FREQ=DAILY')).toBe('FREQ kommt doppelt vor.');
    expect(validateRule('FREQ=WEEKLY;FOO=1')).toBe('Unbekannter Bestandteil „FOO=1“.');
    expect(validateRule('FREQ=YEARLY;BYWEEKNO=20')).toBe('BYWEEKNO wird für Serien nicht unterstützt.');
    expect(validateRule('FREQ=MONTHLY;BYMONTHDAY=0')).toContain('BYMONTHDAY');
    expect(validateRule('FREQ=DAILY;UNTIL=20260230')).toContain('UNTIL');
    expect(validateRule('FREQ=MONTHLY;BYSETPOS=1')).toContain('BYSETPOS');
  });

  it('allows "first Tuesday" only where it means something', () => {
    expect(validateRule('FREQ=WEEKLY;BYDAY=1TU')).toContain('monatlichen oder jährlichen');
    expect(validateRule('FREQ=MONTHLY;BYDAY=6TU')).toContain('1 bis 5');
  });

  it('keeps start and zone out of the rule', () => {
    expect(validateRule('DTSTART:20260101T100000\nRRULE:FREQ=DAILY')).toContain('nur die RRULE-Zeile');
    expect(validateRule('FREQ=DAILY;TZID=Europe/Berlin')).toContain('nur die RRULE-Zeile');
  });
});

describe('parseRule', () => {
  it('reads ordinals and lists', () => {
    const { rule } = parseRule('FREQ=MONTHLY;BYDAY=-1FR,2MO;BYHOUR=9,15;BYMINUTE=30');
    expect(rule).toMatchObject({
      freq: 'MONTHLY',
      interval: 1,
      byDay: [
        { weekday: 'FR', ordinal: -1 },
        { weekday: 'MO', ordinal: 2 },
      ],
      byHour: [9, 15],
      byMinute: [30],
    });
  });

  it('normalises the line for rrule', () => {
    expect(ruleLine(' RRULE:freq=weekly;byday=tu; ')).toBe('FREQ=WEEKLY;BYDAY=TU');
  });
});

import { describeRule, validateRule } from '@amtsplan/domain';
import { choiceOfRule, ruleOfChoice } from './recurrence-choice';

describe('rule picker', () => {
  it('writes a weekly rule in weekday order with the time', () => {
    const rule = ruleOfChoice({ frequency: 'weekly', interval: 1, weekdays: ['TH', 'TU'], time: '10:00' });

    expect(rule).toBe('FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=10;BYMINUTE=0');
    expect(validateRule(rule)).toBeNull();
    expect(describeRule(rule)).toBe('Wöchentlich am Dienstag und Donnerstag um 10:00 Uhr');
  });

  it('writes every second week and monthly rules', () => {
    expect(ruleOfChoice({ frequency: 'weekly', interval: 2, weekdays: ['FR'], time: '09:30' })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=9;BYMINUTE=30',
    );
    const lastFriday = ruleOfChoice({ frequency: 'monthly-weekday', interval: 1, ordinal: -1, weekday: 'FR', time: '14:00' });
    expect(lastFriday).toBe('FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=14;BYMINUTE=0');
    expect(describeRule(lastFriday)).toBe('Monatlich am letzten Freitag um 14:00 Uhr');
    expect(ruleOfChoice({ frequency: 'monthly-day', interval: 1, monthDay: 15, time: '08:00' })).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=8;BYMINUTE=0',
    );
  });

  it('reads its own rules back', () => {
    for (const rule of ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;BYHOUR=9;BYMINUTE=30', 'FREQ=MONTHLY;BYDAY=1TU;BYHOUR=10;BYMINUTE=0', 'FREQ=MONTHLY;BYMONTHDAY=3;BYHOUR=7;BYMINUTE=5']) {
      const choice = choiceOfRule(rule);
      expect(choice).not.toBeNull();
      expect(ruleOfChoice(choice!)).toBe(rule);
    }
  });

  it('leaves rules it cannot show to the expert field', () => {
    expect(choiceOfRule('FREQ=DAILY;BYHOUR=9;BYMINUTE=0')).toBeNull();
    expect(choiceOfRule('FREQ=WEEKLY;BYDAY=TU;COUNT=5;BYHOUR=9;BYMINUTE=0')).toBeNull();
    expect(choiceOfRule('FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(choiceOfRule('Unsinn')).toBeNull();
  });
});

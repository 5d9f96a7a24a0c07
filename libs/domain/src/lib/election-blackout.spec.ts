import {
  electionBlackoutPeriodFor,
  electionNeutralityWarning,
  type ElectionBlackoutPeriod,
  inElectionBlackout,
  validateElectionBlackoutPeriods,
} from './election-blackout';

const BERLIN = 'Europe/Berlin';
const landtag: ElectionBlackoutPeriod = { from: '2026-08-01', to: '2026-09-20', label: 'Landtagswahl 2026' };
const kommunal: ElectionBlackoutPeriod = { from: '2027-02-01', to: '2027-03-14' };
const periods = [landtag, kommunal];

describe('inElectionBlackout', () => {
  it('includes the first and the last day', () => {
    expect(inElectionBlackout('2026-08-01', periods, BERLIN)).toBe(true);
    expect(inElectionBlackout('2026-09-20', periods, BERLIN)).toBe(true);
    expect(inElectionBlackout('2026-07-31', periods, BERLIN)).toBe(false);
    expect(inElectionBlackout('2026-09-21', periods, BERLIN)).toBe(false);
    expect(inElectionBlackout('2027-03-01', periods, BERLIN)).toBe(true);
  });

  it('counts an instant by its day in the organization zone', () => {
    // 22:30 UTC on 31 July is 00:30 on 1 August in Berlin (summer time).
    expect(inElectionBlackout(new Date('2026-07-31T22:30:00Z'), periods, BERLIN)).toBe(true);
    expect(inElectionBlackout(new Date('2026-07-31T21:59:00Z'), periods, BERLIN)).toBe(false);
    expect(inElectionBlackout(new Date('2026-07-31T22:30:00Z'), periods, 'UTC')).toBe(false);
    // 23:30 Berlin on election day is still inside; 22:00 UTC is already the next day.
    expect(inElectionBlackout(new Date('2026-09-20T21:30:00Z'), periods, BERLIN)).toBe(true);
    expect(inElectionBlackout(new Date('2026-09-20T22:00:00Z'), periods, BERLIN)).toBe(false);
    // Winter time: midnight is 23:00 UTC.
    expect(inElectionBlackout(new Date('2027-01-31T23:00:00Z'), periods, BERLIN)).toBe(true);
    expect(inElectionBlackout(new Date('2027-01-31T22:59:59Z'), periods, BERLIN)).toBe(false);
  });

  it('is false for unplanned posts and without periods', () => {
    expect(inElectionBlackout(null, periods, BERLIN)).toBe(false);
    expect(inElectionBlackout('2026-08-10', [], BERLIN)).toBe(false);
  });

  it('returns the matching period', () => {
    expect(electionBlackoutPeriodFor('2026-08-10', periods, BERLIN)).toBe(landtag);
    expect(electionBlackoutPeriodFor('2027-02-10', periods, BERLIN)).toBe(kommunal);
    expect(electionBlackoutPeriodFor('2026-12-24', periods, BERLIN)).toBeNull();
  });

  it('ignores broken periods and refuses broken input', () => {
    expect(inElectionBlackout('2026-08-10', [{ from: '2026-13-01', to: '2026-12-31' }], BERLIN)).toBe(false);
    expect(() => inElectionBlackout('10.08.2026', periods, BERLIN)).toThrow(RangeError);
    expect(() => inElectionBlackout(new Date('nonsense'), periods, BERLIN)).toThrow(RangeError);
    expect(() => inElectionBlackout(new Date('2026-08-10T10:00:00Z'), periods, 'Europe/Musterstadt')).toThrow(RangeError);
  });
});

describe('electionNeutralityWarning', () => {
  it('names the period and the neutrality duty', () => {
    expect(electionNeutralityWarning(landtag)).toBe(
      'Dieser Beitrag ist in der Vorwahlzeit geplant (Landtagswahl 2026, 01.08.2026 bis 20.09.2026). ' +
        'Für Behörden gilt das Neutralitätsgebot: keine Werbung für Parteien, Kandidierende oder Amtsinhaber*innen, ' +
        'keine Wertung politischer Streitfragen; Öffentlichkeitsarbeit nur sachlich und zurückhaltend.',
    );
  });

  it('works without a label', () => {
    expect(electionNeutralityWarning(kommunal)).toMatch(/^Dieser Beitrag ist in der Vorwahlzeit geplant \(01\.02\.2027 bis 14\.03\.2027\)\. /);
    expect(electionNeutralityWarning({ ...kommunal, label: '  ' })).toBe(electionNeutralityWarning(kommunal));
  });
});

describe('validateElectionBlackoutPeriods', () => {
  it('accepts valid periods, including a single day', () => {
    expect(validateElectionBlackoutPeriods([...periods, { from: '2028-05-14', to: '2028-05-14' }])).toEqual([]);
  });

  it('reports invalid dates, reversed ranges and long labels', () => {
    expect(
      validateElectionBlackoutPeriods([
        { from: '2026-02-30', to: '2026-03-01' },
        { from: '2026-09-20', to: '2026-08-01' },
        { from: '2026-01-01', to: 'bald', label: 'x'.repeat(101) },
      ]),
    ).toEqual([
      { path: '0.from', message: 'Bitte den ersten Tag als JJJJ-MM-TT angeben.' },
      { path: '1.to', message: 'Der letzte Tag liegt vor dem ersten.' },
      { path: '2.to', message: 'Bitte den letzten Tag als JJJJ-MM-TT angeben.' },
      { path: '2.label', message: 'Die Bezeichnung darf höchstens 100 Zeichen lang sein.' },
    ]);
  });
});

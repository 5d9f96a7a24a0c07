import {
  calendarWeekOfRun,
  cohortEnrolmentProblem,
  isWeekOpen,
  nextCohortMeeting,
  openWeeks,
  remainingCohortMeetings,
  runScheduleProblems,
  runToday,
  unlockProblem,
  weekStartsOn,
} from './program-run';

// Monday, 1 March 2027; the run spans the change to summer time on 28 March.
const startsOn = '2027-03-01';

describe('program run calendar', () => {
  it('counts the week the calendar has reached', () => {
    expect(calendarWeekOfRun(startsOn, '2027-02-28')).toBe(0);
    expect(calendarWeekOfRun(startsOn, '2027-03-01')).toBe(1);
    expect(calendarWeekOfRun(startsOn, '2027-03-07')).toBe(1);
    expect(calendarWeekOfRun(startsOn, '2027-03-08')).toBe(2);
    expect(calendarWeekOfRun(startsOn, '2027-05-23')).toBe(12);
    expect(calendarWeekOfRun(startsOn, '2027-05-24')).toBe(13);
  });

  it('opens weeks by date, or earlier when the facilitator unlocked them, never more than 12', () => {
    expect(openWeeks({ startsOn, unlockedThroughWeek: 0 }, '2027-02-20')).toBe(0);
    expect(openWeeks({ startsOn, unlockedThroughWeek: 0 }, '2027-03-15')).toBe(3);
    expect(openWeeks({ startsOn, unlockedThroughWeek: 5 }, '2027-03-15')).toBe(5);
    expect(openWeeks({ startsOn, unlockedThroughWeek: 2 }, '2027-03-15')).toBe(3);
    expect(openWeeks({ startsOn, unlockedThroughWeek: 0 }, '2027-09-01')).toBe(12);
    expect(isWeekOpen({ startsOn, unlockedThroughWeek: 0 }, 4, '2027-03-15')).toBe(false);
    expect(isWeekOpen({ startsOn, unlockedThroughWeek: 0 }, 3, '2027-03-15')).toBe(true);
    expect(isWeekOpen({ startsOn, unlockedThroughWeek: 0 }, 0, '2027-03-15')).toBe(false);
  });

  it('lets a facilitator unlock only forward', () => {
    const schedule = { startsOn, unlockedThroughWeek: 0 };
    expect(unlockProblem(schedule, 4, '2027-03-15')).toBeNull();
    expect(unlockProblem(schedule, 3, '2027-03-15')).toBe('Woche 3 ist bereits offen.');
    expect(unlockProblem(schedule, 13, '2027-03-15')).toBe('Woche 1 bis 12 angeben.');
  });

  it('starts runs on a Monday', () => {
    expect(runScheduleProblems({ startsOn, unlockedThroughWeek: 0 })).toEqual([]);
    expect(runScheduleProblems({ startsOn: '2027-03-02', unlockedThroughWeek: 0 })).toEqual([{ path: 'startsOn', message: 'Ein Durchgang beginnt an einem Montag.' }]);
    expect(runScheduleProblems({ startsOn: '2027-02-30', unlockedThroughWeek: 14 })).toHaveLength(2);
    expect(weekStartsOn(startsOn, 12)).toBe('2027-05-17');
  });

  it('finds the next cohort meeting on German time, across the change to summer time', () => {
    const meeting = { weekday: 3, time: '14:00', minutes: 90 };
    // Wednesday 3 March 2027, 14:00 CET = 13:00 UTC.
    expect(nextCohortMeeting(startsOn, meeting, new Date('2027-03-01T08:00:00Z'))?.toISOString()).toBe('2027-03-03T13:00:00.000Z');
    // During the meeting it is still "the next" one; afterwards the following week's.
    expect(nextCohortMeeting(startsOn, meeting, new Date('2027-03-03T14:29:00Z'))?.toISOString()).toBe('2027-03-03T13:00:00.000Z');
    expect(nextCohortMeeting(startsOn, meeting, new Date('2027-03-03T14:30:00Z'))?.toISOString()).toBe('2027-03-10T13:00:00.000Z');
    // Wednesday 31 March 2027 is summer time: 14:00 CEST = 12:00 UTC.
    expect(nextCohortMeeting(startsOn, meeting, new Date('2027-03-25T00:00:00Z'))?.toISOString()).toBe('2027-03-31T12:00:00.000Z');
    expect(nextCohortMeeting(startsOn, meeting, new Date('2027-06-01T00:00:00Z'))).toBeNull();
  });

  it('lists the remaining meetings on German wall-clock time across the change to summer time', () => {
    const meeting = { weekday: 4, time: '10:00', minutes: 90 };
    const all = remainingCohortMeetings(startsOn, meeting, new Date('2027-02-20T00:00:00Z'));
    expect(all).toHaveLength(12);
    expect(all.map((slot) => slot.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Thursday 4 March 2027, 10:00 CET = 09:00 UTC; Thursday 25 March still winter time.
    expect(all[0]).toMatchObject({ localStart: '2027-03-04T10:00', localEnd: '2027-03-04T11:30' });
    expect(all[0]?.start.toISOString()).toBe('2027-03-04T09:00:00.000Z');
    expect(all[3]?.start.toISOString()).toBe('2027-03-25T09:00:00.000Z');
    // Thursday 1 April 2027 is summer time: 10:00 CEST = 08:00 UTC, still 10:00 on the wall.
    expect(all[4]).toMatchObject({ localStart: '2027-04-01T10:00', localEnd: '2027-04-01T11:30' });
    expect(all[4]?.start.toISOString()).toBe('2027-04-01T08:00:00.000Z');
    expect(all[4]?.end.toISOString()).toBe('2027-04-01T09:30:00.000Z');
    expect(all[11]?.localStart).toBe('2027-05-20T10:00');
    // A meeting in progress still counts; an ended one does not; none after the run.
    expect(remainingCohortMeetings(startsOn, meeting, new Date('2027-03-04T10:29:00Z'))[0]?.week).toBe(1);
    expect(remainingCohortMeetings(startsOn, meeting, new Date('2027-03-04T10:30:00Z'))[0]?.week).toBe(2);
    expect(remainingCohortMeetings(startsOn, meeting, new Date('2027-06-01T00:00:00Z'))).toEqual([]);
  });

  it('knows the run day from an instant on German time', () => {
    expect(runToday(new Date('2027-02-28T23:30:00Z'))).toBe('2027-03-01');
  });

  it('keeps a cohort at five authorities, each once', () => {
    expect(cohortEnrolmentProblem(['a', 'b'], 'c')).toBeNull();
    expect(cohortEnrolmentProblem(['a', 'b'], 'a')).toBe('Diese Behörde ist in der Peer-Gruppe bereits vertreten.');
    expect(cohortEnrolmentProblem(['a', 'b', 'c', 'd', 'e'], 'f')).toBe('Eine Peer-Gruppe hat höchstens 5 Behörden.');
  });
});

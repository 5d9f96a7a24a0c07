import type { CohortSummaryView, RunView } from '@amtsplan/contracts';
import { COHORT_MEETING_MINUTES, nextCohortMeeting, openWeeks, runToday } from '@amtsplan/domain';
import type { ProgramCohortEntity, ProgramRunEntity } from './program-run.entity';

export function meetingOf(cohort: ProgramCohortEntity): { weekday: number; time: string; minutes: number } {
  return { weekday: cohort.meetingWeekday, time: cohort.meetingTime, minutes: COHORT_MEETING_MINUTES };
}

export function nextMeetingOf(run: ProgramRunEntity, cohort: ProgramCohortEntity, now: Date): string | null {
  return nextCohortMeeting(run.startsOn, meetingOf(cohort), now)?.toISOString() ?? null;
}

export function openWeeksOf(run: ProgramRunEntity, now: Date): number {
  return openWeeks({ startsOn: run.startsOn, unlockedThroughWeek: run.unlockedThroughWeek }, runToday(now));
}

export function runView(run: ProgramRunEntity, cohorts: readonly ProgramCohortEntity[], authorities: ReadonlyMap<string, number>, now: Date): RunView {
  return {
    id: run.id,
    name: run.name,
    startsOn: run.startsOn,
    unlockedThroughWeek: run.unlockedThroughWeek,
    openWeeks: openWeeksOf(run, now),
    curriculumVersion: run.curriculumVersion,
    version: run.version,
    cohorts: cohorts.map((cohort): CohortSummaryView => ({
      id: cohort.id,
      name: cohort.name,
      meeting: meetingOf(cohort),
      nextMeetingAt: nextMeetingOf(run, cohort, now),
      authorities: authorities.get(cohort.id) ?? 0,
      version: cohort.version,
    })),
  };
}

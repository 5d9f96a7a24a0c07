import type { CurriculumView, EnrolmentProgramView, ExerciseProgressView, ProgramWeekView } from '@amtsplan/contracts';
import type { CurriculumWeek, Exercise } from '@amtsplan/domain';
import type { PlainMessageKey } from '../shared/i18n/translate';

/** One exercise as the participant works on it: the curriculum's text with their progress. */
export interface ExerciseItem {
  readonly exercise: Exercise;
  readonly progress: ExerciseProgressView;
}

/** One of the twelve weeks: its dates and state from the enrolment, its content from the curriculum. */
export interface WeekItem {
  readonly week: ProgramWeekView;
  /** Null only if the server's curriculum lacks the week, which validateCurriculum rules out. */
  readonly content: CurriculumWeek | null;
  readonly exercises: readonly ExerciseItem[];
  readonly done: number;
}

export function weekItems(enrolment: EnrolmentProgramView, curriculum: CurriculumView): WeekItem[] {
  const byWeek = new Map(curriculum.weeks.map((week) => [week.week, week]));
  return enrolment.weeks.map((week) => {
    const content = byWeek.get(week.week) ?? null;
    const exercises = exerciseItems(week, content);
    return { week, content, exercises, done: exercises.filter((item) => item.progress.status === 'done').length };
  });
}

function exerciseItems(week: ProgramWeekView, content: CurriculumWeek | null): ExerciseItem[] {
  const byId = new Map((content?.exercises ?? []).map((exercise) => [exercise.id, exercise]));
  return week.exercises.flatMap((progress) => {
    const exercise = byId.get(progress.exerciseId);
    return exercise ? [{ exercise, progress }] : [];
  });
}

/** The week whose exercises are "this week's": the highest open one. */
export function currentWeek(items: readonly WeekItem[]): WeekItem | null {
  return [...items].reverse().find((item) => item.week.open) ?? null;
}

/** Replaces one exercise's progress after a save, keeping everything else as loaded. */
export function withProgress(enrolment: EnrolmentProgramView, saved: ExerciseProgressView): EnrolmentProgramView {
  return {
    ...enrolment,
    weeks: enrolment.weeks.map((week) => ({
      ...week,
      exercises: week.exercises.map((progress) => (progress.exerciseId === saved.exerciseId ? { ...saved, check: saved.check ?? progress.check } : progress)),
    })),
  };
}

const STATUS_KEYS: Record<ExerciseProgressView['status'], PlainMessageKey> = {
  open: 'program.status.open',
  in_progress: 'program.status.inProgress',
  done: 'program.status.done',
};

export function exerciseStatusKey(status: ExerciseProgressView['status']): PlainMessageKey {
  return STATUS_KEYS[status];
}

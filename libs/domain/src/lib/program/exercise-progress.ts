import { defineStateMachine } from '../state-machine';
import type { Exercise } from './curriculum';
import type { ExerciseCheck } from './exercise-rules';

/**
 * Where a participant stands with one exercise. Action exercises tick themselves off the first
 * time their rule holds and stay done: the exercise asked for something to happen ("plan the next
 * four weeks"), and it did, even if a post is later moved out of the window. Checklists and
 * reflections follow what the participant enters, so unticking an item reopens the exercise.
 */
export const EXERCISE_PROGRESS_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ExerciseProgressStatus = (typeof EXERCISE_PROGRESS_STATUSES)[number];

export const exerciseProgressMachine = defineStateMachine<ExerciseProgressStatus>('exercise progress', {
  open: ['in_progress', 'done'],
  in_progress: ['open', 'done'],
  done: ['in_progress'],
});

/** A reflection shorter than this is a note to self, not an answer for the poster. */
export const MIN_REFLECTION_LENGTH = 30;

export type ExerciseEvidence =
  | { readonly kind: 'reflection'; readonly answer: string; readonly submitted: boolean }
  | { readonly kind: 'checklist'; readonly checked: readonly number[] }
  | { readonly kind: 'upload'; readonly hasFile: boolean; readonly altText: string }
  | { readonly kind: 'action'; readonly check: ExerciseCheck };

export interface ExerciseProgress {
  readonly status: ExerciseProgressStatus;
  /** German, what is still missing for "done"; empty when done. */
  readonly missing: readonly string[];
}

export function exerciseProgress(exercise: Exercise, evidence: ExerciseEvidence, previous: ExerciseProgressStatus = 'open'): ExerciseProgress {
  if (evidence.kind !== exercise.kind) throw new Error(`Nachweis „${evidence.kind}“ passt nicht zur Aufgabe „${exercise.id}“ (${exercise.kind}).`);
  switch (evidence.kind) {
    case 'action':
      if (previous === 'done' || evidence.check.holds) return { status: 'done', missing: [] };
      return { status: evidence.check.done > 0 ? 'in_progress' : 'open', missing: evidence.check.missing };
    case 'reflection': {
      const length = evidence.answer.trim().length;
      if (length === 0) return { status: 'open', missing: ['Antwort schreiben.'] };
      if (length < MIN_REFLECTION_LENGTH) return { status: 'in_progress', missing: [`Die Antwort etwas ausführlicher schreiben (mindestens ${MIN_REFLECTION_LENGTH} Zeichen).`] };
      if (!evidence.submitted) return { status: 'in_progress', missing: ['Antwort als fertig markieren.'] };
      return { status: 'done', missing: [] };
    }
    case 'checklist': {
      if (exercise.kind !== 'checklist') break;
      const checked = new Set(evidence.checked.filter((index) => index >= 0 && index < exercise.items.length));
      const open = exercise.items.filter((_, index) => !checked.has(index));
      if (open.length === 0) return { status: 'done', missing: [] };
      return { status: checked.size === 0 ? 'open' : 'in_progress', missing: open.map((item) => `Offen: ${item}`) };
    }
    case 'upload': {
      if (exercise.kind !== 'upload') break;
      if (!evidence.hasFile) return { status: 'open', missing: ['Datei hochladen.'] };
      if (exercise.requiresAltText && !evidence.altText.trim()) return { status: 'in_progress', missing: ['Alternativtext ergänzen.'] };
      return { status: 'done', missing: [] };
    }
  }
  throw new Error(`Nachweis passt nicht zur Aufgabe „${exercise.id}“.`);
}

import { currentStepIndex, type ApprovalRequestState } from './approval-request';
import { remindersForDue, type ReminderEvent, type ReminderOptions } from './approval-schedule';

export interface StepReminders {
  readonly stepIndex: number;
  readonly events: readonly ReminderEvent[];
}

/**
 * The instant the step became open: the request's submission for the first active step, else
 * the last decision on an earlier step (the one that completed it).
 */
export function stepOpenedAt(state: ApprovalRequestState, stepIndex: number): Date {
  let opened = state.submittedAt.getTime();
  for (const step of state.steps.slice(0, stepIndex)) {
    for (const decision of step.decisions) opened = Math.max(opened, decision.at.getTime());
  }
  return new Date(opened);
}

/**
 * The reminder events of the request's open step, or null when nothing is open (decided,
 * voided, withdrawn). The same answer at submission, when a step opens after the previous
 * one was approved, and in the sweep that re-creates lost jobs, so the jobs always match.
 *
 * A `remind` that falls before the step opened is left out: its approvers were just asked
 * (approval_requested) and a "due soon" right after that would be noise. Escalations are
 * kept even when already past; they fire at once, because the step is already overdue.
 */
export function openStepReminders(state: ApprovalRequestState, options: ReminderOptions = {}): StepReminders | null {
  const stepIndex = currentStepIndex(state);
  if (stepIndex === null) return null;
  const step = state.steps[stepIndex];
  const opened = stepOpenedAt(state, stepIndex).getTime();
  const events = remindersForDue(step.dueAt, step.deputyUserId, state.submittedAt, state.plannedAt, options);
  return { stepIndex, events: events.filter((e) => e.kind !== 'remind' || e.at.getTime() > opened) };
}

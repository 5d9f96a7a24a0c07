import type { ApprovalPlanningInput } from './approval-content';
import type { ApprovalStep } from './approval-routes';
import { zonedLocalToUtc } from './time-zone';

/**
 * Deadlines, reminders and escalations of approval steps, as instants. The worker turns
 * each ReminderEvent into a delayed job (reminderJobId); a job whose step has been decided
 * in the meantime does nothing (reminderApplies in approval-request).
 *
 * All arithmetic is in absolute hours on instants, never on the wall clock: "12 hours" is
 * always 12 × 3,600,000 ms, also across a change between summer and winter time.
 */
const HOUR_MS = 60 * 60 * 1000;

/**
 * A `before_planned` step of a post without a planned time is due this long after
 * submission: such a post cannot be published yet, so nothing presses, but the request
 * should not wait unseen either. Two days fit the working rhythm of a department head.
 */
export const BEFORE_PLANNED_FALLBACK_HOURS = 48;
/** The reminder goes out this long before the due time (less when the window is short). */
export const REMINDER_LEAD_HOURS = 4;
/** After the deputy has had this long, the admins are told (earlier if the post is due sooner). */
export const ADMIN_ESCALATION_AFTER_HOURS = 8;

/**
 * The instant a step is due. `after_submission` counts from the submission of the request,
 * not from the moment the step was reached: the clock leadership cares about is how long
 * the post has been waiting. `before_planned` counts back from the planned instant, or
 * uses BEFORE_PLANNED_FALLBACK_HOURS after submission without one. A due time before the
 * submission (a post submitted late) is moved to the submission: the step is overdue at once.
 */
export function dueAt(step: Pick<ApprovalStep, 'due'>, submittedAt: Date, plannedAt: Date | null): Date {
  const submitted = submittedAt.getTime();
  if (Number.isNaN(submitted) || (plannedAt && Number.isNaN(plannedAt.getTime()))) throw new RangeError('Ungültiger Zeitpunkt');
  const { due } = step;
  let at: number;
  if (due.kind === 'after_submission') at = submitted + due.hours * HOUR_MS;
  else if (plannedAt) at = plannedAt.getTime() - due.hours * HOUR_MS;
  else at = submitted + BEFORE_PLANNED_FALLBACK_HOURS * HOUR_MS;
  return new Date(Math.max(at, submitted));
}

/**
 * The instant `before_planned` counts back from: the planned time, or for a post planned
 * on a day without a time the start of that day in the organization's zone (the approval
 * should be done before the day begins); null for an unplanned post.
 */
export function planningDeadline(planning: ApprovalPlanningInput, timeZone: string): Date | null {
  if (planning.kind === 'time') {
    const at = new Date(planning.at);
    if (Number.isNaN(at.getTime())) throw new RangeError(`Kein gültiger Zeitpunkt: ${String(planning.at)}`);
    return at;
  }
  if (planning.kind === 'day') return zonedLocalToUtc(`${planning.date}T00:00`, timeZone);
  return null;
}

export const REMINDER_KINDS = ['remind', 'escalate_deputy', 'escalate_admin'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: { readonly [K in ReminderKind]: string } = {
  remind: 'Erinnerung',
  escalate_deputy: 'Weitergeleitet an die Vertretung',
  escalate_admin: 'Weitergeleitet an die Administration',
};

export interface ReminderEvent {
  readonly kind: ReminderKind;
  readonly at: Date;
}

export interface ReminderOptions {
  readonly reminderLeadHours?: number;
  readonly adminAfterHours?: number;
}

/**
 * When to remind the approvers and escalate a step, in time order:
 * - `remind` REMINDER_LEAD_HOURS before the due time, or halfway between submission and
 *   due time when that is shorter; none when the step is due at submission;
 * - `escalate_deputy` at the due time, when the step has a deputy (from then on the deputy
 *   may decide, see decide);
 * - `escalate_admin` ADMIN_ESCALATION_AFTER_HOURS after the due time when there is a
 *   deputy, but no later than a planned time that falls in between; at the due time when
 *   there is no deputy. Admins are told so they can act (reach people, withdraw and
 *   resubmit with another route); they do not gain the right to decide.
 */
export function reminderSchedule(
  step: Pick<ApprovalStep, 'due' | 'deputyUserId'>,
  submittedAt: Date,
  plannedAt: Date | null,
  options: ReminderOptions = {},
): ReminderEvent[] {
  return remindersForDue(dueAt(step, submittedAt, plannedAt), step.deputyUserId ?? null, submittedAt, plannedAt, options);
}

/**
 * reminderSchedule for a step whose due time is already known (stored with the request when
 * it was submitted), so a running request keeps the deadlines it was submitted with.
 */
export function remindersForDue(dueTime: Date, deputyUserId: string | null, submittedAt: Date, plannedAt: Date | null, options: ReminderOptions = {}): ReminderEvent[] {
  const lead = (options.reminderLeadHours ?? REMINDER_LEAD_HOURS) * HOUR_MS;
  const adminAfter = (options.adminAfterHours ?? ADMIN_ESCALATION_AFTER_HOURS) * HOUR_MS;
  const due = dueTime.getTime();
  const window = due - submittedAt.getTime();
  const events: ReminderEvent[] = [];
  if (window > 0) events.push({ kind: 'remind', at: new Date(due - Math.min(lead, Math.floor(window / 2))) });
  if (deputyUserId) {
    events.push({ kind: 'escalate_deputy', at: new Date(due) });
    const planned = plannedAt?.getTime();
    const admin = planned !== undefined && planned > due ? Math.min(due + adminAfter, planned) : due + adminAfter;
    events.push({ kind: 'escalate_admin', at: new Date(admin) });
  } else {
    events.push({ kind: 'escalate_admin', at: new Date(due) });
  }
  return events;
}

/** BullMQ job id of one reminder event (deterministic, no `:` — BullMQ forbids it). */
export function reminderJobId(requestId: string, stepIndex: number, kind: ReminderKind): string {
  if (requestId === '' || requestId.includes(':')) throw new RangeError(`Ungültige Kennung der Freigabe: ${requestId}`);
  if (!Number.isInteger(stepIndex) || stepIndex < 0) throw new RangeError(`Ungültiger Schritt: ${stepIndex}`);
  return ['approval-reminder', requestId, stepIndex, kind].join('_');
}

import { isOpenInboxStatus, type InboxStatus } from './inbox-status';
import { responseReminderAt, type ResponseClockSettings } from './response-clock';

/**
 * The queued reminders of the response clock (SLA): `due_soon` when REMINDER_SHARE (75 %) of
 * the target in office hours has run — at least one office hour before the breach where the
 * target allows it — and `breached` at the moment the first answer becomes overdue.
 */
export const INBOX_RESPONSE_REMINDER_KINDS = ['due_soon', 'breached'] as const;
export type InboxResponseReminderKind = (typeof INBOX_RESPONSE_REMINDER_KINDS)[number];

export interface InboxResponseReminder {
  readonly kind: InboxResponseReminderKind;
  readonly at: Date;
}

/** What a reminder needs to know about an item. `responseDueAt` is the stored due time (set on arrival). */
export interface ClockedInboxItem {
  readonly receivedAt: Date;
  readonly responseDueAt: Date;
  readonly firstResponseAt: Date | null;
  readonly status: InboxStatus;
}

/** Whether an item still waits for its first answer: open, never answered. */
export function awaitsFirstResponse(item: Pick<ClockedInboxItem, 'firstResponseAt' | 'status'>): boolean {
  return item.firstResponseAt === null && isOpenInboxStatus(item.status);
}

/**
 * The reminders an item should have. None once it was answered, closed or hidden. The breach is
 * the stored due time; the early reminder follows the current settings but never comes at or
 * after the breach (settings changed since arrival).
 */
export function inboxResponseReminders(item: ClockedInboxItem, settings: ResponseClockSettings): InboxResponseReminder[] {
  if (!awaitsFirstResponse(item)) return [];
  const reminders: InboxResponseReminder[] = [];
  const early = responseReminderAt(item.receivedAt, settings);
  if (early.getTime() < item.responseDueAt.getTime()) reminders.push({ kind: 'due_soon', at: early });
  reminders.push({ kind: 'breached', at: item.responseDueAt });
  return reminders;
}

/**
 * Whether a reminder planned for the due time `plannedDueAt` still has something to say when it
 * fires: the item still waits for its first answer and its due time has not moved.
 */
export function inboxResponseReminderStillDue(item: Pick<ClockedInboxItem, 'responseDueAt' | 'firstResponseAt' | 'status'>, plannedDueAt: Date): boolean {
  return awaitsFirstResponse(item) && item.responseDueAt.getTime() === plannedDueAt.getTime();
}

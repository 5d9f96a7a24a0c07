import { Injectable } from '@nestjs/common';
import { inboxResponseReminders, type ClockedInboxItem, type InboxResponseReminderKind, type ResponseClockSettings } from '@amtsplan/domain';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { jobId, JobName } from '../queues/queue-registry';
import { DatedReminderJobs, type DatedReminder } from '../reminders/dated-reminder-jobs';

/** Item, kind and the due time it was planned for: a moved due time is a new reminder. */
export function inboxResponseReminderJobId(itemId: string, kind: InboxResponseReminderKind, dueAt: Date): string {
  return jobId(JobName.InboxResponseReminder, itemId, kind, dueAt.getTime());
}

export type RemindedInboxItem = ClockedInboxItem & { readonly id: string; readonly organizationId: string };

/** The response clock's reminders of an item (inboxResponseReminders in libs/domain) as dated reminders. */
export function inboxResponseDatedReminders(item: RemindedInboxItem, settings: ResponseClockSettings): DatedReminder[] {
  return inboxResponseReminders(item, settings).map((reminder) => ({
    job: JobName.InboxResponseReminder,
    jobId: inboxResponseReminderJobId(item.id, reminder.kind, item.responseDueAt),
    at: reminder.at,
    payload: { organizationId: item.organizationId, itemId: item.id, kind: reminder.kind, dueAt: item.responseDueAt.toISOString() },
  }));
}

/** Plans an arriving item's reminders after the arrival commits. */
@Injectable()
export class InboxResponseReminderJobs {
  constructor(private readonly reminders: DatedReminderJobs) {}

  planAfterCommit(tx: ScopedTransaction, item: RemindedInboxItem, settings: ResponseClockSettings): void {
    this.reminders.planAfterCommit(tx, inboxResponseDatedReminders(item, settings));
  }
}

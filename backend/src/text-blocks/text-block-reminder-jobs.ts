import { Injectable } from '@nestjs/common';
import { localDateOf, textBlockReminders, type TextBlockReminderKind, zonedLocalToUtc } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { jobId, JobName } from '../queues/queue-registry';
import { DatedReminderJobs, type DatedReminder } from '../reminders/dated-reminder-jobs';
import type { TextBlockEntity } from './text-block.entity';

/** Reminders go out at 08:00 on their day, the organization's wall clock: start of office hours. */
const REMINDER_LOCAL_TIME = '08:00';

export function textBlockReminderJobId(textBlockId: string, kind: TextBlockReminderKind, on: string): string {
  return jobId(JobName.TextBlockReminder, textBlockId, kind, on);
}

type RemindedBlock = Pick<TextBlockEntity, 'id' | 'organizationId' | 'validFrom' | 'validUntil' | 'reviewOn'>;

/**
 * The owner's reminders of a block (review date, last valid day) as dated reminders with
 * deterministic ids: block, kind and day. A day already past is not reminded of any more (a
 * block imported with an old date, a sweep long after).
 */
export function textBlockDatedReminders(block: RemindedBlock, timeZone: string, now = new Date()): DatedReminder[] {
  const today = localDateOf(now, timeZone);
  return textBlockReminders(block)
    .filter((r) => r.on >= today)
    .map((reminder) => ({
      job: JobName.TextBlockReminder,
      jobId: textBlockReminderJobId(block.id, reminder.kind, reminder.on),
      at: zonedLocalToUtc(`${reminder.on}T${REMINDER_LOCAL_TIME}`, timeZone),
      payload: { organizationId: block.organizationId, textBlockId: block.id, kind: reminder.kind, on: reminder.on },
    }));
}

/** Plans a block's reminders when its dates are set; see DatedReminderJobs. */
@Injectable()
export class TextBlockReminderJobs {
  constructor(private readonly reminders: DatedReminderJobs) {}

  /** After commit of the transaction that set the dates; `timeZone` is the organization's. */
  planAfterCommit(block: RemindedBlock, timeZone: string): void {
    this.reminders.planAfterCommit(RequestScope.organization().tx, textBlockDatedReminders(block, timeZone));
  }
}

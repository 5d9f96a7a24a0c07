import { Injectable } from '@nestjs/common';
import { localDateOf, textBlockReminders, type TextBlockReminderKind, zonedLocalToUtc } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';
import type { TextBlockEntity } from './text-block.entity';

/** Reminders go out at 08:00 on their day, the organization's wall clock: start of office hours. */
const REMINDER_LOCAL_TIME = '08:00';

export function textBlockReminderJobId(textBlockId: string, kind: TextBlockReminderKind, on: string): string {
  return jobId(JobName.TextBlockReminder, textBlockId, kind, on);
}

/**
 * The owner's reminders of a block (review date, last valid day) as delayed jobs with
 * deterministic ids: block, kind and day. A changed date adds a job under a new id; the old one
 * finds the date changed when it fires and does nothing (the handler re-reads the block).
 */
@Injectable()
export class TextBlockReminderJobs {
  constructor(private readonly jobs: JobQueue) {}

  /** After commit of the transaction that set the dates; `timeZone` is the organization's. */
  planAfterCommit(block: Pick<TextBlockEntity, 'id' | 'organizationId' | 'validFrom' | 'validUntil' | 'reviewOn'>, timeZone: string): void {
    RequestScope.organization().tx.afterCommit(async () => {
      await this.ensure(block, timeZone);
    });
  }

  async ensure(block: Pick<TextBlockEntity, 'id' | 'organizationId' | 'validFrom' | 'validUntil' | 'reviewOn'>, timeZone: string, now = new Date()): Promise<number> {
    // A day already past is not reminded of any more (a block imported with an old date, a sweep long after).
    const today = localDateOf(now, timeZone);
    const reminders = textBlockReminders(block).filter((r) => r.on >= today);
    for (const reminder of reminders) {
      const at = zonedLocalToUtc(`${reminder.on}T${REMINDER_LOCAL_TIME}`, timeZone);
      await this.jobs.enqueue(
        JobName.TextBlockReminder,
        { organizationId: block.organizationId, textBlockId: block.id, kind: reminder.kind, on: reminder.on },
        { jobId: textBlockReminderJobId(block.id, reminder.kind, reminder.on), delayMs: Math.max(0, at.getTime() - now.getTime()) },
      );
    }
    return reminders.length;
  }
}

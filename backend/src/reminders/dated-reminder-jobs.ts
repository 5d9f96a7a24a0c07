import { Injectable } from '@nestjs/common';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import type { JobName, JobPayloads } from '../queues/queue-registry';

/**
 * One dated reminder: a delayed job that fires at `at`. Its id is deterministic (subject, kind
 * and the date or instant it is about), so adding it twice is harmless, and a changed date adds
 * a job under a new id while the old one fires, re-reads its subject and does nothing.
 */
export type DatedReminder = { readonly [N in JobName]: { readonly job: N; readonly jobId: string; readonly at: Date; readonly payload: JobPayloads[N] } }[JobName];

/**
 * Adds dated reminders to the queue. PostgreSQL stays the source of truth: the handler of each
 * reminder re-reads its subject, notifies with the job id as dedupe key, and a sweep
 * (ReminderSweeps) re-creates jobs lost with Redis.
 */
@Injectable()
export class DatedReminderJobs {
  constructor(private readonly jobs: JobQueue) {}

  /** After commit of the transaction that set the dates, so a job never sees an uncommitted subject. */
  planAfterCommit(tx: ScopedTransaction, reminders: readonly DatedReminder[]): void {
    if (reminders.length === 0) return;
    tx.afterCommit(async () => {
      await this.plan(reminders);
    });
  }

  /** A reminder whose time has passed runs at once. Returns how many were handed to the queue. */
  async plan(reminders: readonly DatedReminder[], now = new Date()): Promise<number> {
    for (const reminder of reminders) {
      await this.jobs.enqueue(reminder.job, reminder.payload as never, { jobId: reminder.jobId, delayMs: Math.max(0, reminder.at.getTime() - now.getTime()) });
    }
    return reminders.length;
  }
}

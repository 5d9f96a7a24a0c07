import { Injectable, Logger } from '@nestjs/common';
import { Database } from '../database/database';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import { jobId, type JobName } from '../queues/queue-registry';
import { DatedReminderJobs, type DatedReminder } from './dated-reminder-jobs';

/** How the sweep of one kind of reminder finds its subjects and their reminders. */
export interface ReminderSweepSource {
  /** For log lines, German: „Textbaustein“, „Posteingang-Eintrag“ … */
  readonly subject: string;
  /**
   * A SECURITY DEFINER function `(max_rows integer)` returning rows of (organization id, subject id),
   * ids only: the sweep runs without an organization, and row-level security hides every row from it.
   */
  readonly listFunction: string;
  /** Subjects per run (default 5 000), soonest first as the function orders them. */
  readonly batch?: number;
  /** In the subject's organization scope: the reminders it should have now (none when it has changed). */
  remindersOf(tx: ScopedTransaction, subjectId: string, now: Date): Promise<readonly DatedReminder[]>;
}

const BATCH = 5_000;
const SLOT_MS = 60 * 60_000;

/**
 * Re-creates reminder jobs from PostgreSQL, for jobs lost with Redis. Same deterministic ids,
 * so existing jobs are not added twice; one that already fired may fire again, which the
 * notification's dedupe key (the job id) makes harmless. One subject's failure is logged and
 * does not stop the others.
 */
@Injectable()
export class ReminderSweeps {
  private readonly logger = new Logger('ReminderSweeps');

  constructor(
    private readonly database: Database,
    private readonly reminders: DatedReminderJobs,
  ) {}

  /** Returns the number of subjects looked at. */
  async run(source: ReminderSweepSource, now = new Date()): Promise<number> {
    if (!/^[a-z_]+$/.test(source.listFunction)) throw new Error(`Invalid sweep function ${source.listFunction}`);
    const rows: Array<{ organizationId: string; subjectId: string }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(`SELECT f.o AS "organizationId", f.s AS "subjectId" FROM ${source.listFunction}($1) AS f(o, s)`, [source.batch ?? BATCH]),
    );
    for (const { organizationId, subjectId } of rows) {
      try {
        const reminders = await this.database.transaction({ organizationId }, (tx) => source.remindersOf(tx, subjectId, now));
        await this.reminders.plan(reminders, now);
      } catch (error) {
        this.logger.error(`Erinnerungen für ${source.subject} ${subjectId} nicht eingereiht: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return rows.length;
  }
}

/** Enqueues a sweep job once per hour slot: several API or worker processes add it once. */
export async function enqueueHourlySweep(jobs: JobQueue, job: JobName & `${string}-sweep`, now = new Date()): Promise<void> {
  const slot = Math.floor(now.getTime() / SLOT_MS) * SLOT_MS;
  await jobs.enqueue(job, { scheduledFor: new Date(slot).toISOString() } as never, { jobId: jobId(job, slot) });
}

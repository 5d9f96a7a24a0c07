import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { Database } from '../database/database';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobHandler, JobName } from '../queues/queue-registry';
import { TextBlockReminderJobs } from './text-block-reminder-jobs';

const BATCH = 5_000;
const SLOT_MS = 60 * 60_000;

/**
 * Re-creates the reminder jobs of every block with a review date or validity end from
 * PostgreSQL, for jobs lost with Redis. Same deterministic ids, so existing jobs are not added
 * twice; a job that already fired may fire again, which its dedupe key makes harmless.
 */
@Injectable()
export class TextBlockReminderSweep {
  private readonly logger = new Logger('TextBlockReminderSweep');

  constructor(
    private readonly database: Database,
    private readonly reminders: TextBlockReminderJobs,
  ) {}

  async run(now = new Date()): Promise<number> {
    const rows: Array<{ organizationId: string; textBlockId: string }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(`SELECT organization_id AS "organizationId", text_block_id AS "textBlockId" FROM text_blocks_with_reminders($1)`, [BATCH]),
    );
    for (const { organizationId, textBlockId } of rows) {
      try {
        const block = await this.database.transaction({ organizationId }, async ({ manager }) => {
          const [found]: Array<{ id: string; organizationId: string; validFrom: string | null; validUntil: string | null; reviewOn: string | null; timeZone: string }> = await manager.query(
            `SELECT b.id, b.organization_id AS "organizationId", to_char(b.valid_from, 'YYYY-MM-DD') AS "validFrom",
                    to_char(b.valid_until, 'YYYY-MM-DD') AS "validUntil", to_char(b.review_on, 'YYYY-MM-DD') AS "reviewOn", o.time_zone AS "timeZone"
               FROM text_blocks b JOIN organizations o ON o.id = b.organization_id WHERE b.id = $1 AND b.organization_id = $2`,
            [textBlockId, organizationId],
          );
          return found ?? null;
        });
        if (block) await this.reminders.ensure(block, block.timeZone, now);
      } catch (error) {
        this.logger.error(`Erinnerungen für Textbaustein ${textBlockId} nicht eingereiht: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return rows.length;
  }
}

@Injectable()
export class TextBlockReminderSweepHandler implements JobHandler<JobName.TextBlockReminderSweep> {
  readonly job = JobName.TextBlockReminderSweep;

  constructor(private readonly sweep: TextBlockReminderSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

/** The sweep hourly and at worker start; reminders are due on days, so an hour is timely. Only enqueues. */
@Injectable()
export class TextBlockRemindersSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('TextBlockRemindersSchedule');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep().catch((error: unknown) => this.logger.error(`Textbaustein-Abgleich nicht eingereiht: ${String(error)}`));
  }

  @Cron(CronExpression.EVERY_HOUR)
  async sweep(now = new Date()): Promise<void> {
    const slot = Math.floor(now.getTime() / SLOT_MS) * SLOT_MS;
    await this.jobs.enqueue(JobName.TextBlockReminderSweep, { scheduledFor: new Date(slot).toISOString() }, { jobId: jobId(JobName.TextBlockReminderSweep, slot) });
  }
}

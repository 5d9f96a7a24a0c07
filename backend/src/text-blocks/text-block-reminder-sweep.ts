import { Injectable, OnApplicationBootstrap, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import { JobHandler, JobName } from '../queues/queue-registry';
import { enqueueHourlySweep, ReminderSweeps, type ReminderSweepSource } from '../reminders/reminder-sweeps';
import { textBlockDatedReminders } from './text-block-reminder-jobs';

/** Every block with a review date or validity end (`text_blocks_with_reminders`), re-planned from PostgreSQL. */
@Injectable()
export class TextBlockReminderSweep implements ReminderSweepSource {
  readonly subject = 'Textbaustein';
  readonly listFunction = 'text_blocks_with_reminders';

  constructor(private readonly sweeps: ReminderSweeps) {}

  run(now = new Date()): Promise<number> {
    return this.sweeps.run(this, now);
  }

  async remindersOf(tx: ScopedTransaction, textBlockId: string, now: Date) {
    const [block]: Array<{ id: string; organizationId: string; validFrom: string | null; validUntil: string | null; reviewOn: string | null; timeZone: string }> = await tx.manager.query(
      `SELECT b.id, b.organization_id AS "organizationId", to_char(b.valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(b.valid_until, 'YYYY-MM-DD') AS "validUntil", to_char(b.review_on, 'YYYY-MM-DD') AS "reviewOn", o.time_zone AS "timeZone"
         FROM text_blocks b JOIN organizations o ON o.id = b.organization_id WHERE b.id = $1 AND b.organization_id = $2`,
      [textBlockId, tx.scope.organizationId],
    );
    return block ? textBlockDatedReminders(block, block.timeZone, now) : [];
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
    await enqueueHourlySweep(this.jobs, JobName.TextBlockReminderSweep, now);
  }
}

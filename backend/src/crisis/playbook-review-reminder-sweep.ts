import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import { JobHandler, JobName } from '../queues/queue-registry';
import { enqueueHourlySweep, ReminderSweeps, type ReminderSweepSource } from '../reminders/reminder-sweeps';
import { playbookReviewDatedReminders, type RemindedPlaybook } from './playbook-review-reminder-jobs';

/** Every playbook with an owner and a review date not yet past (`playbooks_with_review_dates`), re-planned from PostgreSQL. */
@Injectable()
export class PlaybookReviewReminderSweep implements ReminderSweepSource {
  readonly subject = 'Krisen-Playbook';
  readonly listFunction = 'playbooks_with_review_dates';

  constructor(private readonly sweeps: ReminderSweeps) {}

  run(now = new Date()): Promise<number> {
    return this.sweeps.run(this, now);
  }

  async remindersOf(tx: ScopedTransaction, playbookId: string, now: Date) {
    const [found]: Array<RemindedPlaybook & { timeZone: string }> = await tx.manager.query(
      `SELECT p.id, p.organization_id AS "organizationId", p.owner_user_id AS "ownerUserId", to_char(p.next_review_on, 'YYYY-MM-DD') AS "nextReviewOn", o.time_zone AS "timeZone"
         FROM playbooks p JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1 AND p.organization_id = $2`,
      [playbookId, tx.scope.organizationId],
    );
    return found ? playbookReviewDatedReminders(found, found.timeZone, now) : [];
  }
}

@Injectable()
export class PlaybookReviewReminderSweepHandler implements JobHandler<JobName.PlaybookReviewReminderSweep> {
  readonly job = JobName.PlaybookReviewReminderSweep;

  constructor(private readonly sweep: PlaybookReviewReminderSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

/** The sweep hourly and at worker start; reminders are due on days, so an hour is timely. Only enqueues. */
@Injectable()
export class PlaybookReviewRemindersSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('PlaybookReviewRemindersSchedule');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep().catch((error: unknown) => this.logger.error(`Abgleich der Playbook-Überprüfungen nicht eingereiht: ${String(error)}`));
  }

  @Cron(CronExpression.EVERY_HOUR)
  async sweep(now = new Date()): Promise<void> {
    await enqueueHourlySweep(this.jobs, JobName.PlaybookReviewReminderSweep, now);
  }
}

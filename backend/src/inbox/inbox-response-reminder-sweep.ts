import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { InboxStatus } from '@amtsplan/domain';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { OrganizationEntity } from '../organizations/organization.entity';
import { JobQueue } from '../queues/job-queue';
import { JobHandler, JobName } from '../queues/queue-registry';
import { enqueueHourlySweep, ReminderSweeps, type ReminderSweepSource } from '../reminders/reminder-sweeps';
import { InboxSettingsEntity } from './inbox-records.entity';
import { toClockSettings } from './inbox-settings.repository';
import { inboxResponseDatedReminders } from './inbox-response-reminder-jobs';

/**
 * Every item still waiting for its first answer whose due time is ahead or less than a day past
 * (`inbox_items_awaiting_response`), re-planned from PostgreSQL. Older breaches are not repeated.
 */
@Injectable()
export class InboxResponseReminderSweep implements ReminderSweepSource {
  readonly subject = 'Posteingang-Eintrag';
  readonly listFunction = 'inbox_items_awaiting_response';

  constructor(private readonly sweeps: ReminderSweeps) {}

  run(now = new Date()): Promise<number> {
    return this.sweeps.run(this, now);
  }

  async remindersOf(tx: ScopedTransaction, itemId: string) {
    const organizationId = tx.scope.organizationId;
    if (!organizationId) return [];
    const [item]: Array<{ id: string; organizationId: string; receivedAt: Date; responseDueAt: Date; firstResponseAt: Date | null; status: InboxStatus }> = await tx.manager.query(
      `SELECT id, organization_id AS "organizationId", received_at AS "receivedAt", response_due_at AS "responseDueAt", first_response_at AS "firstResponseAt", status
         FROM inbox_items WHERE id = $1 AND organization_id = $2`,
      [itemId, organizationId],
    );
    const settings = await tx.manager.findOne(InboxSettingsEntity, { where: { organizationId } });
    const organization = await tx.manager.findOne(OrganizationEntity, { where: { id: organizationId } });
    if (!item || !settings || !organization) return [];
    return inboxResponseDatedReminders(item, toClockSettings(settings, organization));
  }
}

@Injectable()
export class InboxResponseReminderSweepHandler implements JobHandler<JobName.InboxResponseReminderSweep> {
  readonly job = JobName.InboxResponseReminderSweep;

  constructor(private readonly sweep: InboxResponseReminderSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

/** The sweep hourly and at worker start. Only enqueues. */
@Injectable()
export class InboxResponseRemindersSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('InboxResponseRemindersSchedule');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep().catch((error: unknown) => this.logger.error(`Abgleich der Antwortfristen nicht eingereiht: ${String(error)}`));
  }

  @Cron(CronExpression.EVERY_HOUR)
  async sweep(now = new Date()): Promise<void> {
    await enqueueHourlySweep(this.jobs, JobName.InboxResponseReminderSweep, now);
  }
}

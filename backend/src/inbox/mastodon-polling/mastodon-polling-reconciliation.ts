import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { Database } from '../../database/database';
import { JobQueue } from '../../queues/job-queue';
import { jobId, JobHandler, JobName } from '../../queues/queue-registry';
import { mastodonPollSchedulerId } from './mastodon-poll';

/** How often each connected Mastodon channel is asked for new mentions (Mastodon allows 300 requests in 5 minutes). */
export const MASTODON_POLL_EVERY_MS = 2 * 60_000;
const SLOT_MS = 5 * 60_000;

/**
 * Makes the poll schedulers in Redis match PostgreSQL: one per active Mastodon channel with a
 * token (`mastodon_channels_to_poll()`), none for any other. Runs at worker start and every five
 * minutes, so schedulers lost with Redis come back and those of deactivated channels go.
 */
@Injectable()
export class MastodonPollingReconciliation {
  constructor(
    private readonly database: Database,
    private readonly jobs: JobQueue,
  ) {}

  async run(): Promise<{ scheduled: number; removed: number }> {
    const channels: Array<{ organizationId: string; channelId: string }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(`SELECT organization_id AS "organizationId", channel_id AS "channelId" FROM mastodon_channels_to_poll()`),
    );
    const wanted = new Set<string>();
    for (const { organizationId, channelId } of channels) {
      const schedulerId = mastodonPollSchedulerId(channelId);
      wanted.add(schedulerId);
      await this.jobs.repeat(JobName.MastodonNotificationsPoll, { organizationId, channelId }, { schedulerId, everyMs: MASTODON_POLL_EVERY_MS });
    }
    let removed = 0;
    for (const schedulerId of await this.jobs.repeating(JobName.MastodonNotificationsPoll)) {
      if (wanted.has(schedulerId)) continue;
      await this.jobs.stopRepeating(JobName.MastodonNotificationsPoll, schedulerId);
      removed++;
    }
    return { scheduled: channels.length, removed };
  }
}

@Injectable()
export class MastodonPollingReconcileHandler implements JobHandler<JobName.MastodonPollingReconcile> {
  readonly job = JobName.MastodonPollingReconcile;

  constructor(private readonly reconciliation: MastodonPollingReconciliation) {}

  async handle(): Promise<void> {
    await this.reconciliation.run();
  }
}

/** Enqueues the reconciliation at worker start and every five minutes (one job per slot). */
@Injectable()
export class MastodonPollingSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('MastodonPollingSchedule');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile().catch((error: unknown) => this.logger.error(`Abgleich der Mastodon-Abrufe nicht eingereiht: ${String(error)}`));
  }

  @Cron(CronExpression.EVERY_5_MINUTES)
  async reconcile(now = new Date()): Promise<void> {
    const slot = Math.floor(now.getTime() / SLOT_MS) * SLOT_MS;
    await this.jobs.enqueue(JobName.MastodonPollingReconcile, { scheduledFor: new Date(slot).toISOString() }, { jobId: jobId(JobName.MastodonPollingReconcile, slot) });
  }
}

import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { JobQueue } from '../queues/job-queue';
import { JobHandler, jobId, JobName } from '../queues/queue-registry';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Data protection for commenters: once an item is older than the organization's retention
 * period, its personal data (handle, display name, profile link, text, permalink) is replaced
 * and the item stays only as a number in the figures. Items with evidence under legal hold are
 * kept as they are (the evidence row is locked anyway). Each organization's run is one
 * transaction with one audit event, also when nothing was due.
 */
@Injectable()
export class InboxRetention {
  private readonly logger = new Logger('InboxRetention');

  constructor(
    private readonly database: Database,
    private readonly audit: AuditLog,
  ) {}

  /** How many items were anonymised, per organization. */
  async run(): Promise<Map<string, number>> {
    const due: Array<{ organization_id: string; retention_days: number }> = await this.database.transaction({}, ({ manager }) => manager.query('SELECT * FROM inbox_retention_due()'));
    const done = new Map<string, number>();
    for (const { organization_id: organizationId, retention_days: retentionDays } of due) {
      try {
        const count = await this.database.transaction({ organizationId }, async ({ manager }) => {
          const [held]: Array<{ count: number }> = await manager.query(
            `SELECT count(*)::int AS count FROM inbox_items i
              WHERE i.organization_id = $1 AND i.personal_data_removed_at IS NULL AND i.received_at < now() - make_interval(days => $2)
                AND EXISTS (SELECT 1 FROM inbox_evidence e WHERE e.item_id = i.id AND e.legal_hold)`,
            [organizationId, retentionDays],
          );
          const [, affected]: [unknown, number] = await manager.query(
            `UPDATE inbox_items i SET author_handle = 'gelöscht', author_display_name = NULL, author_profile_url = NULL,
                    text = '[nach Ablauf der Aufbewahrungsfrist gelöscht]', permalink = NULL, personal_data_removed_at = now(),
                    version = version + 1, updated_at = now()
              WHERE i.organization_id = $1 AND i.personal_data_removed_at IS NULL AND i.received_at < now() - make_interval(days => $2)
                AND NOT EXISTS (SELECT 1 FROM inbox_evidence e WHERE e.item_id = i.id AND e.legal_hold)`,
            [organizationId, retentionDays],
          );
          // Notes may quote the commenter; they go with the personal data.
          await manager.query(
            `DELETE FROM inbox_notes n USING inbox_items i
              WHERE n.item_id = i.id AND i.organization_id = $1 AND i.personal_data_removed_at IS NOT NULL`,
            [organizationId],
          );
          await this.audit.record(manager, {
            action: 'inbox.retention_run',
            organizationId,
            actorUserId: null,
            objectType: 'inbox_items',
            details: { anonymised: affected, keptUnderLegalHold: held?.count ?? 0, retentionDays },
          });
          return affected;
        });
        done.set(organizationId, count);
      } catch (error) {
        this.logger.error(`Löschlauf des Posteingangs für ${organizationId} fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return done;
  }
}

@Injectable()
export class InboxRetentionHandler implements JobHandler<JobName.InboxRetention> {
  readonly job = JobName.InboxRetention;

  constructor(private readonly retention: InboxRetention) {}

  async handle(): Promise<void> {
    await this.retention.run();
  }
}

/** Enqueues the retention run once a day (hourly tick, the day in the job id), and at worker start. */
@Injectable()
export class InboxRetentionSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('InboxRetentionSchedule');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick().catch((error: unknown) => this.logger.error(`Löschlauf nicht eingereiht: ${String(error)}`));
  }

  @Cron(CronExpression.EVERY_HOUR)
  async tick(now = new Date()): Promise<void> {
    const day = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    await this.jobs.enqueue(JobName.InboxRetention, { scheduledFor: new Date(day).toISOString() }, { jobId: jobId(JobName.InboxRetention, day) });
  }
}

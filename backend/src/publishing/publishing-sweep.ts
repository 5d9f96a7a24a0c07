import { Injectable, Logger } from '@nestjs/common';
import { deterministicPublishJobId } from '@amtsplan/domain';
import { Database } from '../database/database';
import { Publisher } from './publisher';
import { PublishingAlerts } from './publishing-alerts';
import { PublishReconciliation } from './publish-reconciliation';

/** How many posts the sweep works on at the same time. */
const PARALLEL = 8;
/** "Freigabe fehlt" is reported for planned times up to this long ago (the Notifier drops repeats). */
const APPROVAL_MISSING_WINDOW_MINUTES = 30;

export interface SweepResult {
  readonly interrupted: number;
  readonly duePosts: number;
  readonly dueAttempts: number;
  readonly reconciled: { readonly added: number; readonly removed: number };
}

/**
 * The publisher's safety net, every minute and on worker start: whatever a lost job, a dead
 * worker or a stopped Redis left behind is found again in PostgreSQL. Posts whose time has
 * come are claimed and published, due retries run, attempts cut off by a crash become
 * unconfirmed, "Freigabe fehlt" is reported, and every scheduled post gets its one job.
 */
@Injectable()
export class PublishingSweep {
  private readonly logger = new Logger('PublishingSweep');

  constructor(
    private readonly database: Database,
    private readonly publisher: Publisher,
    private readonly reconciliation: PublishReconciliation,
    private readonly alerts: PublishingAlerts,
  ) {}

  async run(): Promise<SweepResult> {
    const interrupted = await this.publisher.recoverInterrupted();
    // A due post whose own job is still queued (delayed or waiting) is left to that job: during a
    // burst of due posts the sweep would otherwise reach the same posts as their jobs, and one
    // of the two would wait on the other's row lock for nothing. Jobs that were lost, failed or
    // are running are not in this set, so their posts are taken here.
    const queued = await this.reconciliation.queuedJobIds(false);
    const due = (await this.reconciliation.scheduledPosts()).filter((post) => post.due && !queued.has(deterministicPublishJobId(post.postId, post.version)));
    await inParallel(due, (post) => this.publisher.advance(post.organizationId, post.postId), this.logger);
    const attempts: Array<{ organizationId: string; postId: string }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(`SELECT organization_id AS "organizationId", post_id AS "postId" FROM publishing_due_attempts(1000)`),
    );
    await inParallel(attempts, (post) => this.publisher.runDueAttempts(post.organizationId, post.postId), this.logger);
    await this.reportApprovalMissing();
    const reconciled = await this.reconciliation.reconcile();
    return { interrupted, duePosts: due.length, dueAttempts: attempts.length, reconciled };
  }

  private async reportApprovalMissing(): Promise<void> {
    const rows: Array<{ organizationId: string; postId: string; plannedAt: Date }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(
        `SELECT organization_id AS "organizationId", post_id AS "postId", planned_at AS "plannedAt"
           FROM publishing_approval_missing(make_interval(mins => $1), 500)`,
        [APPROVAL_MISSING_WINDOW_MINUTES],
      ),
    );
    for (const row of rows) {
      await this.database
        .transaction({ organizationId: row.organizationId }, (tx) => this.alerts.approvalMissing(tx, row, row.plannedAt))
        .catch((error: unknown) => this.logger.error(`„Freigabe fehlt“ für ${row.postId} nicht gemeldet: ${String(error)}`));
    }
  }
}

/** Runs `work` for every item, at most PARALLEL at a time; one failure does not stop the others. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>, logger: Logger): Promise<void> {
  const queue = [...items];
  const lane = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      await work(item).catch((error: unknown) => logger.error(`Veröffentlichung fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
}

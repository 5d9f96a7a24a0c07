import { Injectable, Logger } from '@nestjs/common';
import { Database } from '../database/database';
import { JobHandler, JobName } from '../queues/queue-registry';
import { loadRequestState } from './approval-reminder.handler';
import { ApprovalReminderJobs } from './approval-reminder-jobs';

const BATCH = 2_000;

/**
 * Re-creates the reminder jobs of every running request from PostgreSQL (the source of truth),
 * for jobs lost with Redis or never added because Redis was away at commit. Same deterministic
 * ids as at submission, so a job that exists is not added twice; one that already fired and
 * was removed may fire again, which its dedupe key makes harmless.
 */
@Injectable()
export class ApprovalReminderSweep {
  private readonly logger = new Logger('ApprovalReminderSweep');

  constructor(
    private readonly database: Database,
    private readonly reminders: ApprovalReminderJobs,
  ) {}

  /** How many requests were looked at. */
  async run(now = new Date()): Promise<number> {
    const pending: Array<{ organizationId: string; requestId: string }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(`SELECT organization_id AS "organizationId", request_id AS "requestId" FROM approval_requests_pending($1)`, [BATCH]),
    );
    for (const { organizationId, requestId } of pending) {
      try {
        const state = await this.database.transaction({ organizationId }, ({ manager }) => loadRequestState(manager, organizationId, requestId));
        if (state) await this.reminders.ensure({ organizationId, requestId, state }, now);
      } catch (error) {
        this.logger.error(`Erinnerungen für Freigabe ${requestId} nicht eingereiht: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return pending.length;
  }
}

@Injectable()
export class ApprovalReminderSweepHandler implements JobHandler<JobName.ApprovalReminderSweep> {
  readonly job = JobName.ApprovalReminderSweep;

  constructor(private readonly sweep: ApprovalReminderSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

import { Injectable } from '@nestjs/common';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { JobHandler, JobName } from '../queues/queue-registry';
import { ReminderSweeps, type ReminderSweepSource } from '../reminders/reminder-sweeps';
import { loadRequestState } from './approval-reminder.handler';
import { approvalDatedReminders } from './approval-reminder-jobs';

/**
 * Re-creates the reminder jobs of every running request from PostgreSQL (the source of truth),
 * for jobs lost with Redis or never added because Redis was away at commit. Same deterministic
 * ids as at submission, so a job that exists is not added twice; one that already fired and
 * was removed may fire again, which its dedupe key makes harmless.
 */
@Injectable()
export class ApprovalReminderSweep implements ReminderSweepSource {
  readonly subject = 'Freigabe';
  readonly listFunction = 'approval_requests_pending';
  readonly batch = 2_000;

  constructor(private readonly sweeps: ReminderSweeps) {}

  /** How many requests were looked at. */
  run(now = new Date()): Promise<number> {
    return this.sweeps.run(this, now);
  }

  async remindersOf(tx: ScopedTransaction, requestId: string) {
    const organizationId = tx.scope.organizationId;
    if (!organizationId) return [];
    const state = await loadRequestState(tx.manager, organizationId, requestId);
    return state ? approvalDatedReminders({ organizationId, requestId, state }) : [];
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

import { Injectable } from '@nestjs/common';
import { type ApprovalRequestState, openStepReminders, REMINDER_KINDS, reminderJobId } from '@amtsplan/domain';
import { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import { JobName, QueueName } from '../queues/queue-registry';
import { DatedReminderJobs, type DatedReminder } from '../reminders/dated-reminder-jobs';

export interface RemindedRequest {
  readonly organizationId: string;
  readonly requestId: string;
  readonly state: ApprovalRequestState;
}

/**
 * The reminder and escalation jobs of a request's open step (openStepReminders): delayed
 * BullMQ jobs with deterministic ids, so adding them again (after commit, from the sweep) is
 * harmless. They are triggers only; the handler re-reads the request and does nothing once
 * the step is decided or the request has ended.
 */
@Injectable()
export class ApprovalReminderJobs {
  constructor(
    private readonly jobs: JobQueue,
    private readonly dated: DatedReminderJobs,
  ) {}

  /** Adds the open step's jobs once the transaction that opened the step has committed. */
  planAfterCommit(tx: ScopedTransaction, request: RemindedRequest): void {
    tx.afterCommit(async () => {
      await this.ensure(request);
    });
  }

  /**
   * Removes the jobs of steps that will not need them any more (decided, voided, withdrawn),
   * after commit. Best effort: a job left behind (Redis away, job running) is a no-op when it fires.
   */
  cancelAfterCommit(tx: ScopedTransaction, requestId: string, stepIndexes: readonly number[]): void {
    tx.afterCommit(async () => {
      const queue = this.jobs.queue(QueueName.Reminders);
      const ids = stepIndexes.flatMap((step) => REMINDER_KINDS.map((kind) => reminderJobId(requestId, step, kind)));
      await Promise.allSettled(ids.map((id) => queue.remove(id)));
    });
  }

  /** Adds whatever of the open step's jobs is missing; returns how many events the step has. */
  ensure(request: RemindedRequest, now = new Date()): Promise<number> {
    return this.dated.plan(approvalDatedReminders(request), now);
  }
}

/** The open step's reminder and escalations (openStepReminders) as dated reminders; none once the request has ended. */
export function approvalDatedReminders(request: RemindedRequest): DatedReminder[] {
  const reminders = openStepReminders(request.state);
  if (!reminders) return [];
  return reminders.events.map((event) => ({
    job: JobName.ApprovalReminder,
    jobId: reminderJobId(request.requestId, reminders.stepIndex, event.kind),
    at: event.at,
    payload: { organizationId: request.organizationId, requestId: request.requestId, stepIndex: reminders.stepIndex, kind: event.kind },
  }));
}

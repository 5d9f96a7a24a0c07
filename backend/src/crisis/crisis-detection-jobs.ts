import { Injectable } from '@nestjs/common';
import { RequestScope } from '../database/request-scope';
import type { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';

/** Arrivals within one slot share one detection run at the slot's end (decision 0021). */
export const DETECTION_DEBOUNCE_MS = 10_000;

export function detectionSlot(now: Date): number {
  return Math.ceil(now.getTime() / DETECTION_DEBOUNCE_MS);
}

export function crisisDetectionJobId(organizationId: string, slot: number): string {
  return jobId(JobName.CrisisDetection, organizationId, slot);
}

/**
 * Enqueues the organization's detection run when inbox items arrive: after commit, debounced
 * to the end of the current ten-second slot, so a wave of arrivals (a CSV import, a poll) is
 * counted by one run that sees all of it. The job id carries organization and slot.
 */
@Injectable()
export class CrisisDetectionJobs {
  private readonly planned = new WeakSet<ScopedTransaction>();

  constructor(private readonly jobs: JobQueue) {}

  /** Called by the inbox for every arrival; one job per transaction and slot. */
  afterArrival(): void {
    const { tx, organizationId } = RequestScope.organization();
    if (this.planned.has(tx)) return;
    this.planned.add(tx);
    tx.afterCommit(() => this.enqueue(organizationId));
  }

  async enqueue(organizationId: string, now = new Date()): Promise<void> {
    const slot = detectionSlot(now);
    const delayMs = Math.max(0, slot * DETECTION_DEBOUNCE_MS - now.getTime());
    await this.jobs.enqueue(JobName.CrisisDetection, { organizationId, slot }, { jobId: crisisDetectionJobId(organizationId, slot), delayMs });
  }
}

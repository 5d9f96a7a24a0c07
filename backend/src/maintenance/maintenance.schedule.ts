import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';

/**
 * Scheduled sweeps only enqueue. The job id names the time slot, so several worker processes
 * firing the same cron produce one job, not several.
 */
@Injectable()
export class MaintenanceSchedule {
  constructor(private readonly jobs: JobQueue) {}

  @Cron(CronExpression.EVERY_10_MINUTES)
  async purgeExpiredSessions(now = new Date()): Promise<void> {
    const slot = Math.floor(now.getTime() / 600_000) * 600_000;
    await this.jobs.enqueue(JobName.PurgeExpiredSessions, { scheduledFor: new Date(slot).toISOString() }, { jobId: jobId(JobName.PurgeExpiredSessions, slot) });
  }
}

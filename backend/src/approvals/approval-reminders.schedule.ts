import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';

const SLOT_MS = 10 * 60_000;

/**
 * The reminder sweep every ten minutes and once at worker start (a Redis that lost its data
 * gets the jobs back promptly). Only enqueues; the slot in the job id makes several workers
 * run it once. Ten minutes bound how late a lost reminder comes, against hours of lead time.
 */
@Injectable()
export class ApprovalRemindersSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('ApprovalRemindersSchedule');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    // A worker must start even while Redis is away; the next slot tries again.
    await this.sweep().catch((error: unknown) => this.logger.error(`Erinnerungs-Abgleich nicht eingereiht: ${String(error)}`));
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  async sweep(now = new Date()): Promise<void> {
    const slot = Math.floor(now.getTime() / SLOT_MS) * SLOT_MS;
    await this.jobs.enqueue(JobName.ApprovalReminderSweep, { scheduledFor: new Date(slot).toISOString() }, { jobId: jobId(JobName.ApprovalReminderSweep, slot) });
  }
}

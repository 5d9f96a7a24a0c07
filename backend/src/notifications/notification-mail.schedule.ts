import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';

/** Enqueues the mail sweep every five minutes; the slot in the job id makes several workers fire once. */
@Injectable()
export class NotificationMailSchedule {
  constructor(private readonly jobs: JobQueue) {}

  @Cron(CronExpression.EVERY_5_MINUTES)
  async sweepMails(now = new Date()): Promise<void> {
    const slot = Math.floor(now.getTime() / 300_000) * 300_000;
    await this.jobs.enqueue(JobName.NotificationMailSweep, { scheduledFor: new Date(slot).toISOString() }, { jobId: jobId(JobName.NotificationMailSweep, slot) });
  }
}

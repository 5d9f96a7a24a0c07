import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';
import { Publisher } from './publisher';
import { PublishReconciliation } from './publish-reconciliation';

/**
 * The publishing sweep every minute: the cron only enqueues, and the minute in the job id makes
 * several workers run it once. On worker start the jobs are reconciled with PostgreSQL at once
 * (a Redis that lost its data gets every job back) and attempts cut off by a crash are settled.
 * That runs beside the queue workers, not before them: a worker starting with thousands of
 * scheduled posts consumes due jobs (and its other queues) while it re-creates the missing ones.
 */
@Injectable()
export class PublishingSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PublishingSchedule');

  constructor(
    private readonly jobs: JobQueue,
    private readonly reconciliation: PublishReconciliation,
    private readonly publisher: Publisher,
  ) {}

  /** Settles when the start-up recovery and reconciliation are done (or failed and were logged). */
  startUp: Promise<void> = Promise.resolve();

  onApplicationBootstrap(): void {
    this.startUp = this.recoverAndReconcile();
  }

  /** A worker stopped during its start-up finishes the pass before its connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.startUp;
  }

  private async recoverAndReconcile(): Promise<void> {
    try {
      await this.publisher.recoverInterrupted();
      await this.reconciliation.reconcile();
    } catch (error) {
      // The minute's sweep tries again; a worker must start even while Redis is away.
      this.logger.error(`Abgleich beim Start fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  @Cron(CronExpression.EVERY_MINUTE)
  async sweep(now = new Date()): Promise<void> {
    const slot = Math.floor(now.getTime() / 60_000) * 60_000;
    await this.jobs.enqueue(JobName.PublishingSweep, { scheduledFor: new Date(slot).toISOString() }, { jobId: jobId(JobName.PublishingSweep, slot) });
  }
}

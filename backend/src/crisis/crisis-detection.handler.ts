import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DEFAULT_WINDOW_MINUTES } from '@amtsplan/domain';
import { Database } from '../database/database';
import { JobQueue } from '../queues/job-queue';
import { JobHandler, jobId, JobName, JobPayloads } from '../queues/queue-registry';
import { CrisisDetectionJobs } from './crisis-detection-jobs';
import { CrisisDetector } from './crisis-detector';

const MINUTE_MS = 60_000;

@Injectable()
export class CrisisDetectionHandler implements JobHandler<JobName.CrisisDetection> {
  readonly job = JobName.CrisisDetection;

  constructor(private readonly detector: CrisisDetector) {}

  async handle({ organizationId }: JobPayloads[JobName.CrisisDetection]): Promise<void> {
    await this.detector.run(organizationId);
  }
}

/**
 * The rolling windows move on without arrivals too (older items leave the window, a person
 * categorises items as complaints): every minute, a run for every organization with inbox
 * arrivals in the window, found through `crisis_detection_due` (row-level security hides them).
 */
@Injectable()
export class CrisisDetectionSweepHandler implements JobHandler<JobName.CrisisDetectionSweep> {
  readonly job = JobName.CrisisDetectionSweep;

  constructor(
    private readonly database: Database,
    private readonly jobs: CrisisDetectionJobs,
  ) {}

  async handle(): Promise<void> {
    const due: Array<{ organization_id: string }> = await this.database.transaction({}, ({ manager }) => manager.query(`SELECT organization_id FROM crisis_detection_due($1)`, [DEFAULT_WINDOW_MINUTES]));
    for (const { organization_id: organizationId } of due) await this.jobs.enqueue(organizationId);
  }
}

/** Enqueues the sweep every minute (the minute in the job id, so several workers add it once). */
@Injectable()
export class CrisisDetectionSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('CrisisDetectionSchedule');

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick().catch((error: unknown) => this.logger.error(`Shitstorm-Erkennung nicht eingereiht: ${String(error)}`));
  }

  @Cron(CronExpression.EVERY_MINUTE)
  async tick(now = new Date()): Promise<void> {
    const minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    await this.jobs.enqueue(JobName.CrisisDetectionSweep, { scheduledFor: new Date(minute).toISOString() }, { jobId: jobId(JobName.CrisisDetectionSweep, minute) });
  }
}

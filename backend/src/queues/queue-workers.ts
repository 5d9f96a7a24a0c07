import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { bullConnection } from './bullmq-connection';
import { ALL_QUEUES, checkHandlerCoverage, JobHandler, JobName, WORKER_CONCURRENCY } from './queue-registry';

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** One BullMQ worker per queue, dispatching by job name to the registered handlers. */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueWorkers');
  private workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
  ) {
    const problems = checkHandlerCoverage(handlers);
    if (problems.length) throw new Error(`Job handlers incomplete: ${problems.join('; ')}`);
  }

  onApplicationBootstrap(): void {
    const connection = bullConnection(this.config.redisUrl);
    const byJob = new Map(this.handlers.map((h) => [h.job, h]));
    this.workers = ALL_QUEUES.map((queue) => {
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const handler = byJob.get(job.name as JobName);
          if (!handler) throw new Error(`No handler for job ${job.name} in queue ${queue}`);
          await handler.handle(job.data);
        },
        { connection, concurrency: WORKER_CONCURRENCY },
      );
      worker.on('failed', (job, error) => this.logger.warn(`${queue}/${job?.name} ${job?.id} failed: ${error.message}`));
      worker.on('error', (error) => this.logger.error(`${queue}: ${error.message}`));
      return worker;
    });
    this.logger.log(`Listening on queues: ${ALL_QUEUES.join(', ')}`);
  }

  /** Graceful shutdown: stop taking jobs, let running ones finish. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

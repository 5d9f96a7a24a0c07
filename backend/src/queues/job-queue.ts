import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { bullConnection } from './bullmq-connection';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue-registry';

/** Enqueues jobs. The id is required and deterministic, so enqueueing twice is harmless. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues: Map<QueueName, Queue>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const connection = bullConnection(config.redisUrl);
    this.queues = new Map(ALL_QUEUES.map((name) => [name, new Queue(name, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS })]));
  }

  async enqueue<N extends JobName>(job: N, payload: JobPayloads[N], options: { jobId: string; delayMs?: number }): Promise<void> {
    await this.queue(JOB_QUEUE[job]).add(job, payload, { ...JOB_OPTIONS[job], jobId: options.jobId, delay: options.delayMs });
  }

  /** Many jobs of one kind in one round trip per chunk (BullMQ `addBulk`); ids as in `enqueue`. */
  async enqueueMany<N extends JobName>(job: N, items: ReadonlyArray<{ payload: JobPayloads[N]; jobId: string; delayMs?: number }>, chunk = 500): Promise<void> {
    const queue = this.queue(JOB_QUEUE[job]);
    for (let start = 0; start < items.length; start += chunk) {
      await queue.addBulk(
        items.slice(start, start + chunk).map((item) => ({ name: job, data: item.payload, opts: { ...JOB_OPTIONS[job], jobId: item.jobId, delay: item.delayMs } })),
      );
    }
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Unknown queue ${name}`);
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}

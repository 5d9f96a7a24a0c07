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

  /**
   * A repeatable job: BullMQ's job scheduler `schedulerId` adds `job` every `everyMs`. Upserting
   * an existing scheduler changes nothing but its options, so reconciliation may run it often.
   */
  async repeat<N extends JobName>(job: N, payload: JobPayloads[N], options: { schedulerId: string; everyMs: number }): Promise<void> {
    await this.queue(JOB_QUEUE[job]).upsertJobScheduler(options.schedulerId, { every: options.everyMs }, { name: job, data: payload, opts: JOB_OPTIONS[job] as never });
  }

  /** The ids of the schedulers that add `job`. */
  async repeating(job: JobName): Promise<string[]> {
    const schedulers = await this.queue(JOB_QUEUE[job]).getJobSchedulers(0, -1);
    return schedulers.filter((s) => s.name === job).map((s) => s.key);
  }

  async stopRepeating(job: JobName, schedulerId: string): Promise<void> {
    await this.queue(JOB_QUEUE[job]).removeJobScheduler(schedulerId);
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

// The floor under bench:publishing: how late BullMQ itself runs delayed jobs on this machine and
// this Redis, with a handler that does nothing. Same number of jobs, same one-minute window, same
// number of workers and concurrency as the publisher; measured in the same run, before it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, sleep } from '../common.mjs';
import { watchCpu } from './cpu.mjs';

const require = createRequire(join(root, 'package.json'));
const { Queue, Worker } = require('bullmq');

/** Time between adding the jobs and the first due time. */
const LEAD_MS = 5_000;
const BATCH = 1_000;
/** The publishing queue's concurrency per worker process (WORKER_CONCURRENCY in backend/src/queues/queue-registry.ts). */
export const PUBLISHING_CONCURRENCY = 5;

/** count, p50, p90, p99, max of a list of milliseconds (rounded). */
export function latenessFigures(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]) : null);
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length ? Math.round(sorted[sorted.length - 1]) : null };
}

export async function bullmqDelayedLateness({ port, jobs, windowMs, workers, pid }) {
  const connection = { host: '127.0.0.1', port, maxRetriesPerRequest: null };
  const name = 'bench-delayed-baseline';
  const queue = new Queue(name, { connection });
  const lateness = [];
  const runners = Array.from(
    { length: workers },
    () =>
      new Worker(
        name,
        async (job) => {
          lateness.push(Date.now() - job.data.due);
        },
        { connection, concurrency: PUBLISHING_CONCURRENCY },
      ),
  );
  try {
    const first = Date.now() + LEAD_MS;
    for (let from = 0; from < jobs; from += BATCH) {
      const now = Date.now();
      await queue.addBulk(
        Array.from({ length: Math.min(BATCH, jobs - from) }, (_, k) => {
          const due = first + Math.floor(((from + k) * windowMs) / jobs);
          return { name: 'due', data: { due }, opts: { jobId: `baseline_${from + k}`, delay: due - now, removeOnComplete: true } };
        }),
      );
    }
    await sleep(Math.max(0, first - Date.now() - 500));
    const cpu = watchCpu({ redis: pid ? [pid] : [] });
    const deadline = first + windowMs + 60_000;
    while (lateness.length < jobs && Date.now() < deadline) await sleep(250);
    const usage = cpu(Math.max(lateness.length, 1));
    if (lateness.length < jobs) throw new Error(`BullMQ ran only ${lateness.length} of ${jobs} delayed jobs within a minute after the window`);
    return { lateness: latenessFigures(lateness), cpu: usage };
  } finally {
    await Promise.all(runners.map((w) => w.close()));
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

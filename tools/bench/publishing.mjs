// `npm run bench:publishing`: 10,000 approved posts of 500 authorities fall due within the same
// minute; two worker processes (dist/backend/worker.js) publish them to a Mastodon stand-in on
// 127.0.0.1. Prints the time to publish all, the lateness (publish time − planned time) p50/p99
// against the target p99 ≤ 2 s, the duplicates (must be 0), and – measured first, in the same
// run, on the same Redis – BullMQ's own lateness for 10,000 delayed jobs over one minute, which is
// the floor any job-driven publisher stands on. Figures go to dist/bench/publishing.json.
// Exit 0 when it measured (target met or not), 1 when it could not measure. Also CPU per post and,
// when the server preloads pg_stat_statements, statements per post. `--posts N` (a multiple of
// 20) and `--no-baseline` make shorter runs for iterations.
//
// Services: PostgreSQL from TEST_DATABASE_URL (a scratch database amtsplan_bench_publishing is
// dropped and created), and a private redis-server on a free port (no persistence), started and
// stopped here. Nothing leaves 127.0.0.1.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, sleep } from '../common.mjs';
import { TEST_ADMIN_URL } from '../scratch-database.mjs';
import { machineBusyNow, watchCpu } from './cpu.mjs';
import { runOrFail, startChild, stopAll } from './processes.mjs';
import { machine, table, verdict, writeFigures } from './report.mjs';
import { bullmqDelayedLateness, latenessFigures, PUBLISHING_CONCURRENCY } from './publishing-baseline.mjs';

const require = createRequire(join(root, 'package.json'));
const { Client } = require('pg');
// The seed and the stand-in are the integration tests' own (TypeScript, compiled on the fly), so
// the benchmark's posts are in exactly the state the tests prove the claim accepts.
process.env.TS_NODE_PROJECT = join(root, 'backend/tsconfig.app.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register');
require('tsconfig-paths/register');
const { migratedDatabase, seedApprovedPosts } = require(join(root, 'backend/test/support/publishing-seed.ts'));
const { MastodonStandIn } = require(join(root, 'backend/test/support/mastodon-stand-in.ts'));
const { PrivateRedis } = require(join(root, 'backend/test/support/private-services.ts'));
const { TEST_CHANNEL_SECRET_KEY } = require(join(root, 'backend/test/support/test-environment.ts'));

const POSTS_PER_ORGANIZATION = 20;
/** `--posts N` runs a smaller bench for iterations (a multiple of 20; the target is about 10,000). */
const postsFlag = process.argv.indexOf('--posts');
const ORGANIZATIONS = postsFlag > 0 ? Math.max(1, Math.round(Number(process.argv[postsFlag + 1]) / POSTS_PER_ORGANIZATION)) : 500;
const POSTS = ORGANIZATIONS * POSTS_PER_ORGANIZATION;
const WINDOW_MS = 60_000;
/** Time between the end of the seed and the first planned time: the workers start and create their jobs. */
const LEAD_MS = 45_000;
/** After the window, how long the last posts may take before the run counts as stuck. */
const TAIL_MS = 5 * 60_000;
const WORKERS = 2;
const DATABASE = 'amtsplan_bench_publishing';
const TARGETS = { p99Ms: 2_000 };
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

async function query(url, sql, params = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`;
}

/** The workers' pooled PostgreSQL backends (application_name of backend/src/database/data-source.ts). */
async function workerBackendPids(url) {
  const rows = await query(url, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'amtsplan'`);
  return rows.map((r) => r.pid);
}

/** User + system CPU of a process over its whole life, in ms (0 when it is gone); Linux /proc. */
function lifetimeCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Statements the workers ran (pg_stat_statements, when the server preloads it; null otherwise):
 * reset just before the window, read after it, per post and the most frequent ones.
 */
async function statementCounter(url) {
  try {
    await query(url, `CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    await query(url, `SELECT pg_stat_statements_reset()`);
  } catch {
    return async () => null;
  }
  return async (posts) => {
    const rows = await query(
      url,
      `SELECT s.calls::int AS calls, s.total_exec_time AS ms, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) AS query
         FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = current_database() AND s.query NOT ILIKE '%pg_stat_statements%' AND s.query NOT LIKE '%count(*)::int AS n FROM publications%'
        ORDER BY s.calls DESC`,
    );
    const total = rows.reduce((sum, r) => sum + r.calls, 0);
    const perPost = (n) => Math.round((n / Math.max(posts, 1)) * 100) / 100;
    return { perPost: perPost(total), top: rows.slice(0, 25).map((r) => ({ perPost: perPost(r.calls), execMsPerPost: perPost(r.ms), query: r.query })) };
  };
}

async function publishedCount(url) {
  const [row] = await query(url, `SELECT count(*)::int AS n FROM publications WHERE status = 'published'`);
  return row.n;
}

async function measurePublishing(redis) {
  const standIn = new MastodonStandIn();
  const instance = await standIn.start();
  const media = mkdtempSync(join(tmpdir(), 'amtsplan-bench-media-'));
  try {
    console.log(`» scratch database ${DATABASE} (migrations)`);
    const url = await migratedDatabase(TEST_ADMIN_URL, DATABASE);
    const seedStarted = performance.now();
    const windowStart = Date.now() + LEAD_MS + 15_000; // the seed itself takes a few seconds
    const seeded = await seedApprovedPosts(url, {
      organizations: ORGANIZATIONS,
      postsPerOrganization: POSTS_PER_ORGANIZATION,
      // Spread evenly over the minute, interleaved across authorities.
      plannedAt: (organization, index) => new Date(windowStart + Math.floor(((index * ORGANIZATIONS + organization) * WINDOW_MS) / POSTS)),
      instanceUrl: instance,
      channelSecretKey: TEST_CHANNEL_SECRET_KEY,
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`✓ seeded ${seeded.length} approved posts of ${ORGANIZATIONS} authorities in ${seedSeconds.toFixed(1)} s (set-based); due from ${new Date(windowStart).toISOString()} within ${WINDOW_MS / 1000} s`);
    if (Date.now() > windowStart - 20_000) throw new Error('the seed took too long: less than 20 s left before the first planned time');

    const environment = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      APP_ORIGIN: 'http://127.0.0.1:3000',
      SESSION_SECRET: 'bench-session-secret-with-more-than-32-characters',
      CHANNEL_SECRET_KEY: TEST_CHANNEL_SECRET_KEY,
      MEDIA_DIR: media,
      LOG_LEVEL: 'warn',
      PUBLISH_REQUEST_TIMEOUT_SECONDS: '30',
    };
    for (const name of ['SMTP_URL', 'DEMO_PASSWORD', 'NODE_OPTIONS']) delete environment[name];
    const workers = Array.from({ length: WORKERS }, (_, i) => startChild(`worker ${i + 1}`, process.execPath, [join(root, 'dist/backend/worker.js')], { env: environment }));

    // Both workers reconcile on start: every scheduled post gets its delayed job.
    const jobsDeadline = windowStart - 2_000;
    let jobs = 0;
    while (Date.now() < jobsDeadline) {
      for (const worker of workers) if (worker.exitCode !== null) throw new Error(`${worker.benchName} exited (${worker.exitCode}) before the window`);
      jobs = await redis.delayedJobs('publishing');
      if (jobs >= POSTS) break;
      await sleep(1_000);
    }
    const jobsReadyMsBeforeWindow = windowStart - Date.now();
    console.log(jobs >= POSTS ? `✓ ${jobs} delayed jobs ${(jobsReadyMsBeforeWindow / 1000).toFixed(1)} s before the first planned time` : `⚠ only ${jobs} of ${POSTS} jobs before the window: the sweep has to find the rest`);

    await sleep(Math.max(0, windowStart - Date.now() - 1_000));
    const statements = await statementCounter(url);
    const backendsAtStart = await workerBackendPids(url);
    const watchStarted = performance.now();
    const cpu = watchCpu({ workers: workers.map((w) => w.pid), postgres: backendsAtStart, redis: redis.pid ? [redis.pid] : [] });
    const deadline = windowStart + WINDOW_MS + TAIL_MS;
    let published = 0;
    let lastReport = 0;
    while (Date.now() < deadline) {
      published = await publishedCount(url);
      if (published >= POSTS) break;
      if (Date.now() - lastReport > 10_000) {
        console.log(`  … ${published} published (${((Date.now() - windowStart) / 1000).toFixed(0)} s after the first planned time)`);
        lastReport = Date.now();
      }
      await sleep(500);
    }
    const usage = cpu(Math.max(published, 1));
    const statementsPerPost = await statements(Math.max(published, 1));
    const wallMs = performance.now() - watchStarted;
    // The pools open connections as the load grows: those backends were born in the window, so
    // their whole CPU time belongs to it (watchCpu only follows the processes known at its start).
    const lateBackends = (await workerBackendPids(url)).filter((pid) => !backendsAtStart.includes(pid));
    if (usage) {
      const lateMs = lateBackends.reduce((sum, pid) => sum + lifetimeCpuMs(pid), 0);
      const perPost = lateMs / Math.max(published, 1);
      usage.cpuMsPerRequest.postgres = Math.round((usage.cpuMsPerRequest.postgres + perPost) * 100) / 100;
      usage.postgresBackends = { atStart: backendsAtStart.length, openedLater: lateBackends.length };
      usage.otherProcessesShare = Math.max(0, Math.round((usage.otherProcessesShare - lateMs / (wallMs * cpus().length)) * 100) / 100);
    }
    await stopAll();
    if (published < POSTS) console.log(`⚠ ${published} of ${POSTS} published ${((Date.now() - windowStart) / 1000).toFixed(0)} s after the first planned time; the rest counts as late beyond the run`);

    const rows = await query(
      url,
      `SELECT extract(epoch FROM (a.finished_at - p.planned_at)) * 1000 AS finished, extract(epoch FROM (a.started_at - p.planned_at)) * 1000 AS started,
              extract(epoch FROM a.finished_at) * 1000 AS at
         FROM publish_attempts a JOIN posts p ON p.id = a.post_id WHERE a.outcome = 'published'`,
    );
    const [integrity] = await query(
      url,
      `SELECT (SELECT count(*)::int FROM (SELECT post_id FROM publications GROUP BY post_id HAVING count(*) > 1) d) AS "postsWithTwoPublications",
              (SELECT count(*)::int FROM (SELECT publication_id FROM publish_attempts GROUP BY publication_id HAVING count(*) > 1) d) AS "publicationsWithTwoAttempts",
              (SELECT count(*)::int FROM publications WHERE status <> 'published') AS "notPublished",
              (SELECT count(*)::int FROM posts WHERE status <> 'published') AS "postsNotPublished"`,
    );
    const perKey = new Map();
    for (const status of standIn.statuses) perKey.set(status.idempotencyKey, (perKey.get(status.idempotencyKey) ?? 0) + 1);
    const duplicates = {
      atPlatform: [...perKey.values()].filter((n) => n > 1).length,
      requestsAtPlatform: standIn.statuses.length,
      ...integrity,
    };
    const lastFinished = Math.max(...rows.map((r) => Number(r.at)));
    return {
      seedSeconds,
      jobsReadyMsBeforeWindow,
      published,
      allPublishedAfterWindowStartMs: published >= POSTS ? Math.round(lastFinished - windowStart) : null,
      lateness: latenessFigures(rows.map((r) => Number(r.finished))),
      latenessAtStart: latenessFigures(rows.map((r) => Number(r.started))),
      duplicates,
      cpu: usage,
      statements: statementsPerPost,
    };
  } finally {
    await standIn.stop();
    rmSync(media, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Publishing ${POSTS.toLocaleString('en')} posts due in the same minute (bench:publishing)\n`);
  const figures = { measuredAt: new Date().toISOString(), machine: machine(), posts: POSTS, organizations: ORGANIZATIONS, workers: WORKERS, windowMs: WINDOW_MS, targets: TARGETS };
  runOrFail('npx nx build backend --output-style=static', 'npx', ['nx', 'build', 'backend', '--output-style=static']);
  const busyBefore = await machineBusyNow();
  figures.machineBusyBefore = busyBefore;
  console.log(`Machine busy before the run: ${percent(busyBefore)} of all cores`);

  const redis = await PrivateRedis.start();
  const redisHandle = {
    url: redis.url,
    pid: redis.pid,
    delayedJobs: async (queueName) => {
      const { Queue } = require('bullmq');
      const queue = new Queue(queueName, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
      try {
        return await queue.getDelayedCount();
      } finally {
        await queue.close();
      }
    },
  };
  try {
    if (process.argv.includes('--no-baseline')) figures.bullmq = null;
    else {
      console.log(`» BullMQ alone: ${POSTS} delayed jobs due within ${WINDOW_MS / 1000} s, ${WORKERS} workers × concurrency ${PUBLISHING_CONCURRENCY}, no-op handler (redis-server on port ${redis.port})`);
      figures.bullmq = await bullmqDelayedLateness({ port: redis.port, jobs: POSTS, windowMs: WINDOW_MS, workers: WORKERS, pid: redis.pid });
      console.log(`✓ BullMQ: p50 ${figures.bullmq.lateness.p50} ms, p99 ${figures.bullmq.lateness.p99} ms, others ${percent(figures.bullmq.cpu?.otherProcessesShare)}`);
      await redis.restartEmpty(200);
      redisHandle.pid = redis.pid;
    }
    figures.publishing = await measurePublishing(redisHandle);
  } finally {
    await stopAll();
    await redis.stop();
  }

  const p = figures.publishing;
  const b = figures.bullmq;
  const row = (name, l) => [name, l.count, l.p50, l.p90, l.p99, l.max];
  console.log(
    `\n${table(['lateness (ms)', 'n', 'p50', 'p90', 'p99', 'max'], [
      ...(b ? [row('BullMQ delayed job, no-op (baseline)', b.lateness)] : []),
      row('post published (attempt recorded)', p.lateness),
      row('post attempt started', p.latenessAtStart),
    ])}`,
  );
  const all = p.allPublishedAfterWindowStartMs;
  console.log(`\nPublished ${p.published} of ${POSTS}; all published ${all === null ? 'NOT within the run' : `${(all / 1000).toFixed(1)} s after the first planned time (window ${WINDOW_MS / 1000} s)`}`);
  console.log(`Duplicates: ${p.duplicates.atPlatform} at the platform (${p.duplicates.requestsAtPlatform} status requests), ${p.duplicates.postsWithTwoPublications} posts with two publications, ${p.duplicates.publicationsWithTwoAttempts} publications with two attempts`);
  if (p.cpu) {
    const c = p.cpu.cpuMsPerRequest;
    console.log(`CPU per post: workers ${c.workers} ms, PostgreSQL ${c.postgres} ms (${p.cpu.postgresBackends?.atStart ?? '?'} + ${p.cpu.postgresBackends?.openedLater ?? '?'} backends), Redis ${c.redis} ms, stand-in and bench ${c.loadGenerator} ms; others took ${percent(p.cpu.otherProcessesShare)} of the machine meanwhile`);
  }
  if (p.statements) {
    console.log(`Statements per post (pg_stat_statements, all backends of the scratch database): ${p.statements.perPost}`);
    for (const s of p.statements.top.slice(0, 15)) console.log(`  ${String(s.perPost).padStart(6)}  ${s.query}`);
  } else console.log('Statements per post: not counted (the server does not preload pg_stat_statements)');
  const busiest = Math.max(busyBefore ?? 0, p.cpu?.otherProcessesShare ?? 0, b?.cpu?.otherProcessesShare ?? 0);
  if (busiest > 0.1) console.log(`⚠ Other processes used up to ${percent(busiest)} of the CPU; the figures are pessimistic. Re-run on a quiet machine.`);
  const met = p.published === POSTS && p.lateness.p99 <= TARGETS.p99Ms;
  const clean = p.duplicates.atPlatform === 0 && p.duplicates.postsWithTwoPublications === 0 && p.duplicates.publicationsWithTwoAttempts === 0;
  console.log(`${verdict(met)}  lateness p99 ≤ ${TARGETS.p99Ms} ms (measured ${p.lateness.p99} ms)`);
  console.log(`${verdict(clean)}  no duplicates`);
  figures.verdict = { latency: met, duplicates: clean };
  console.log(`\nFigures: ${writeFigures('publishing', figures)}`);
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(`\n✗ could not measure: ${error instanceof Error ? error.stack : error}`);
    await stopAll();
    process.exit(1);
  },
);

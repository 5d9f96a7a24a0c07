// `npm run bench:calendar [-- --reseed]`: the month read of the Redaktionsplan under load.
//
// 1,000 authorities × 1,000 posts (1M posts) in a scratch database `amtsplan_bench` (kept for
// re-runs; --reseed rebuilds it). The real api (production mode) serves one authority's month
// (~100 posts) to 32 concurrent clients (autocannon), then a bare node:http server is measured
// the same way as the baseline of this machine and this run: answering "hello" (the target's
// baseline) and answering with a copy of the api's response (the cost of the payload alone).
// CPU per request of api, PostgreSQL and load generator comes from /proc (see cpu.mjs).
// Targets (issue "Performance"): p99 ≤ 25 ms, throughput ≥ 20 % of the bare "hello" server.
// A measurement, not a test: it exits 0 when a target is missed, and 1 only when it could not measure.
import { createHash } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { root } from '../common.mjs';
import { ensureServices } from '../ensure-services.mjs';
import { recreateDatabase, TEST_ADMIN_URL } from '../scratch-database.mjs';
import { ApiSession } from './api-session.mjs';
import { BENCH_ACCOUNT, isSeeded, MEASURED_MONTH, MEASURED_ORGANIZATION, ORGANIZATIONS, POSTS_PER_ORGANIZATION, seed } from './calendar-seed.mjs';
import { machineBusyNow } from './cpu.mjs';
import { LOAD, measure } from './load.mjs';
import { freePort, runOrFail, startChild, stopAll, waitForHealth, apiNodeArguments } from './processes.mjs';
import { machine, table, verdict, writeFigures } from './report.mjs';

const require = createRequire(join(root, 'package.json'));
const Redis = require('ioredis');
const { Client } = require('pg');

const DATABASE = 'amtsplan_bench';
const REDIS_DB = 14;
const TARGETS = { p99Ms: 25, throughputShareOfBare: 0.2 };
/** A month of one authority is "about a hundred posts"; outside this the seed or the query is wrong. */
const EXPECTED_POSTS = { min: 80, max: 130 };

const { values: flags } = parseArgs({ options: { reseed: { type: 'boolean', default: false } } });

function databaseUrl(name) {
  return Object.assign(new URL(TEST_ADMIN_URL), { pathname: `/${name}` }).toString();
}

/** The seed derives ids from row numbers; the login must land in exactly that authority. */
function seededOrganizationId(n) {
  const hex = createHash('md5').update(`org-${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function prepareDatabase() {
  const url = databaseUrl(DATABASE);
  const migrate = () => runOrFail(`migrate ${DATABASE}`, process.execPath, [join(root, 'dist/backend/cli.js'), 'migrate'], { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' });
  if (!flags.reseed && (await isSeeded(url))) {
    console.log(`✓ ${DATABASE} already holds the seed (${ORGANIZATIONS} × ${POSTS_PER_ORGANIZATION} posts); --reseed rebuilds it`);
    migrate();
    return { url, seed: null };
  }
  console.log(`» recreate ${DATABASE}`);
  await recreateDatabase(DATABASE);
  migrate();
  console.log(`» seed ${ORGANIZATIONS} organizations × ${POSTS_PER_ORGANIZATION} posts (set-based, one transaction)`);
  const started = performance.now();
  const { steps, note } = await seed(url);
  const seconds = (performance.now() - started) / 1000;
  for (const s of steps) console.log(`    ${s.name.padEnd(18)} ${String(s.rows).padStart(9)} rows  ${s.seconds.toFixed(1).padStart(6)} s`);
  console.log(`  seeded in ${seconds.toFixed(1)} s; ${note}`);
  return { url, seed: { seconds, steps, note } };
}

async function query(url, sql, params = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The api's pooled PostgreSQL backends (application_name of backend/src/database/data-source.ts). */
async function apiBackendPids(url) {
  const rows = await query(url, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'amtsplan'`);
  return rows.map((r) => r.pid);
}

async function startApi(url) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const redisUrl = `${(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')}/${REDIS_DB}`;
  // The bench's own Redis database: no login throttling or queue state left from an earlier run.
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  await redis.quit();
  const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: url, REDIS_URL: redisUrl, APP_ORIGIN: origin, LOG_LEVEL: 'warn', SESSION_SECRET: 'bench-session-secret-with-more-than-32-characters' };
  for (const name of ['SMTP_URL', 'FRONTEND_DIST', 'DEMO_PASSWORD', 'TRUST_PROXY', 'API_DOCS']) delete env[name];
  console.log(`» api on ${origin} (NODE_ENV=production)`);
  const api = startChild('api', process.execPath, apiNodeArguments(join(root, 'dist/backend/api.js')), { env });
  await waitForHealth(`${origin}/api/health`, api, 60);
  return { origin, pid: api.pid };
}

/** What Chromium sends with every request; the api compresses cacheable answers for it. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/**
 * One full read as a browser makes it, checked: 200, about a hundred posts, all inside the
 * month. Returns the bytes as they went over the wire (compressed or not) for the baseline.
 */
async function checkMonth(origin, session, path) {
  const { status, headers, wire } = await rawGet(new URL(path, origin), { cookie: session.cookieHeader, accept: 'application/json', 'accept-encoding': BROWSER_ACCEPT_ENCODING });
  const encoding = headers['content-encoding'] ?? null;
  const body = (encoding === 'gzip' ? gunzipSync(wire) : wire).toString('utf8');
  if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${body.slice(0, 500)}`);
  const posts = JSON.parse(body);
  if (!Array.isArray(posts) || posts.length < EXPECTED_POSTS.min || posts.length > EXPECTED_POSTS.max) {
    throw new Error(`GET ${path} returned ${Array.isArray(posts) ? posts.length : typeof posts} posts; expected ${EXPECTED_POSTS.min}–${EXPECTED_POSTS.max}`);
  }
  const from = new Date(MEASURED_MONTH.from);
  const to = new Date(MEASURED_MONTH.to);
  const outside = posts.filter((p) => {
    if (p.planning.kind === 'time') return new Date(p.planning.at) < from || new Date(p.planning.at) >= to;
    return p.planning.kind !== 'day' || !p.planning.date.startsWith(MEASURED_MONTH.from.slice(0, 7));
  });
  if (outside.length) throw new Error(`GET ${path} returned ${outside.length} posts outside the month, e.g. ${JSON.stringify(outside[0].planning)}`);
  return { posts: posts.length, bytes: Buffer.byteLength(body), wire, encoding };
}

function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, wire: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The bare node:http server, holding a copy of the api's month response for the `/body` baseline. */
async function startBareServer(wire, encoding) {
  const bare = startChild('bare node:http', process.execPath, [join(root, 'tools/bench/hello-server.mjs')], { ipc: true });
  const reply = () =>
    new Promise((resolve, reject) => {
      bare.once('message', resolve);
      bare.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
    });
  const { port } = await reply();
  bare.send({ body: wire.toString('base64'), encoding });
  const { bodyBytes } = await reply();
  if (bodyBytes !== wire.length) throw new Error(`the bare server holds ${bodyBytes} bytes, not ${wire.length}`);
  return { origin: `http://127.0.0.1:${port}`, pid: bare.pid };
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`;
}

/** CPU per request by process, and how much of the machine others took meanwhile. */
function printCpu(api, bare, bareBody, busyBefore) {
  if (!api.cpu || !bare.cpu || !bareBody.cpu) return;
  const row = (name, cpu) => [name, cpu.cpuMsPerRequest.server.toFixed(2), cpu.cpuMsPerRequest.postgres?.toFixed(2) ?? '–', cpu.cpuMsPerRequest.loadGenerator.toFixed(2), percent(cpu.otherProcessesShare)];
  console.log(`\nCPU per request (ms) and CPU taken by other processes meanwhile (share of all ${machine().cores} cores):`);
  console.log(table(['', 'server', 'PostgreSQL', 'autocannon', 'others'], [row('api', api.cpu), row('bare "hello"', bare.cpu), row('bare, same body', bareBody.cpu)]));
  const busiest = Math.max(busyBefore ?? 0, api.cpu.otherProcessesShare, bare.cpu.otherProcessesShare, bareBody.cpu.otherProcessesShare);
  if (busiest > 0.1) {
    console.log(`⚠ Other processes used up to ${percent(busiest)} of the CPU (before the run: ${percent(busyBefore)}); the figures are pessimistic. Re-run on a quiet machine.`);
  }
}

async function main() {
  console.log('Redaktionsplan month read under load (bench:calendar)\n');
  await ensureServices({ chromium: false });
  runOrFail('npx nx build backend --output-style=static', 'npx', ['nx', 'build', 'backend', '--output-style=static']);
  const database = await prepareDatabase();

  const busyBefore = await machineBusyNow();
  console.log(`Machine busy before the run: ${percent(busyBefore)} of all cores`);
  const { origin, pid: apiPid } = await startApi(database.url);
  const session = await ApiSession.logIn(origin, BENCH_ACCOUNT.email, BENCH_ACCOUNT.password);
  const organizationId = session.organizationId(`Messbehörde ${String(MEASURED_ORGANIZATION).padStart(4, '0')}`);
  if (organizationId !== seededOrganizationId(MEASURED_ORGANIZATION)) throw new Error(`logged in to organization ${organizationId}, not the seeded #${MEASURED_ORGANIZATION}`);
  const path = `/api/orgs/${organizationId}/plan-entries?${new URLSearchParams(MEASURED_MONTH)}`;
  const month = await checkMonth(origin, session, path);
  const sent = month.encoding ? `, sent ${month.encoding} as ${(month.wire.length / 1024).toFixed(1)} KiB` : '';
  console.log(`✓ GET ${path}\n  → 200, ${month.posts} posts, ${(month.bytes / 1024).toFixed(1)} KiB${sent}\n`);

  console.log(`Load: ${LOAD.connections} connections, ${LOAD.warmupSeconds} s warm-up, ${LOAD.seconds} s measured (autocannon in this process)`);
  const api = await measure('api', `${origin}${path}`, {
    headers: { cookie: session.cookieHeader, accept: 'application/json', 'accept-encoding': BROWSER_ACCEPT_ENCODING },
    minBytes: month.wire.length,
    processes: async () => ({ server: [apiPid], postgres: await apiBackendPids(database.url) }),
  });
  await checkMonth(origin, session, path);
  await stopAll();
  const bareServer = await startBareServer(month.wire, month.encoding);
  const bare = await measure('bare', `${bareServer.origin}/`, { processes: async () => ({ server: [bareServer.pid] }) });
  const bareBody = await measure('bare, same body', `${bareServer.origin}/body`, { processes: async () => ({ server: [bareServer.pid] }), minBytes: month.wire.length });
  await stopAll();

  const share = api.requestsPerSecond / bare.requestsPerSecond;
  const passed = { p99: api.latencyMs.p99 <= TARGETS.p99Ms, throughput: share >= TARGETS.throughputShareOfBare };
  const row = (name, r) => [name, r.requestsPerSecond.toFixed(0), r.latencyMs.p50, r.latencyMs.p97_5, r.latencyMs.p99, r.latencyMs.max];
  const kib = `${(month.wire.length / 1024).toFixed(0)}${month.encoding ? ` ${month.encoding}` : ''}`;
  console.log(
    `\n${table(['', 'requests/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms'], [
      row(`api: month of #${MEASURED_ORGANIZATION} (${month.posts} posts, ${kib} KiB)`, api),
      row('bare node:http "hello"', bare),
      row(`bare node:http, same ${kib} KiB body`, bareBody),
    ])}`,
  );
  console.log(`\napi / bare throughput: ${(share * 100).toFixed(1)} %   (bare with the same body / bare: ${((bareBody.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)} %)`);
  console.log(`${verdict(passed.p99)}  p99 ≤ ${TARGETS.p99Ms} ms (measured ${api.latencyMs.p99} ms)`);
  console.log(`${verdict(passed.throughput)}  throughput ≥ ${TARGETS.throughputShareOfBare * 100} % of bare (measured ${(share * 100).toFixed(1)} %)`);
  printCpu(api, bare, bareBody, busyBefore);

  const file = writeFigures('calendar', {
    measuredAt: new Date().toISOString(),
    machine: { ...machine(), postgres: (await query(database.url, 'SHOW server_version'))[0].server_version, busyBeforeShare: busyBefore },
    data: { organizations: ORGANIZATIONS, postsPerOrganization: POSTS_PER_ORGANIZATION, seedSeconds: database.seed?.seconds ?? null, seedSteps: database.seed?.steps ?? null, seedNote: database.seed?.note ?? null },
    request: { path: path.replace(organizationId, ':orgId'), posts: month.posts, bytes: month.bytes, wireBytes: month.wire.length, encoding: month.encoding },
    load: LOAD,
    api,
    bare,
    bareSameBody: bareBody,
    throughputShareOfBare: share,
    targets: TARGETS,
    passed,
  });
  console.log(`\nFigures: ${file}`);
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(`\n✗ bench:calendar could not measure: ${error.message}`);
    await stopAll();
    process.exit(1);
  },
);

// `npm run bench:inbox [-- --reseed]`: the Posteingang's list under load.
//
// 300,000 inbox items in a scratch database `amtsplan_bench_inbox` (kept for re-runs; --reseed
// rebuilds it), 200,000 of them in the measured authority (a year of comments and messages,
// see inbox-seed.mjs). The real api (production mode) answers the list request exactly as the
// Posteingang sends it (`GET /api/orgs/:orgId/inbox/items?limit=50&status=open`, the other
// filters of the filter bar, and following pages with the `after` cursor of the page before),
// first to 16 people (unsynchronised clients, each at most one request per 250 ms; see
// paced-clients.mjs), then to 16 clients without any pause (the api's capacity); then a bare
// node:http server answering "hello" is measured without pause as the baseline of this machine
// and this run. Latency is measured at the client over loopback, an upper bound of the server time.
// Target (issue 5): p95 ≤ 20 ms for the 16 people (exact p95; decision 0023).
// A measurement, not a test: it exits 0 when the target is missed, and 1 only when it could not measure.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from '../common.mjs';
import { ensureServices } from '../ensure-services.mjs';
import { recreateDatabase, TEST_ADMIN_URL } from '../scratch-database.mjs';
import { ApiSession } from './api-session.mjs';
import { machineBusyNow } from './cpu.mjs';
import { BENCH_ACCOUNT, CHANNELS, isSeeded, MEASURED_ITEMS, MEASURED_ORGANIZATION_NAME, seed, TOTAL_ITEMS } from './inbox-seed.mjs';
import { LOAD } from './load.mjs';
import { measurePeopleAndCapacity, reportPeopleAndCapacity } from './people-and-capacity.mjs';
import { freePort, runOrFail, startChild, stopAll, waitForHealth, apiNodeArguments } from './processes.mjs';
import { machine, writeFigures } from './report.mjs';

const require = createRequire(join(root, 'package.json'));
const Redis = require('ioredis');
const { Client } = require('pg');

const DATABASE = 'amtsplan_bench_inbox';
const REDIS_DB = 12;
const CONNECTIONS = 16;
const TARGET_P95_MS = 20;
const PAGE_SIZE = 50;
/**
 * The Posteingang asks for a page when a filter changes or "Weitere laden" is clicked
 * (frontend/src/app/community/inbox-page.ts); one request every 250 ms per person is faster than
 * anyone reads a page of 50 comments (decision 0023).
 */
const CLICK_RATE = 4;
/** Pages 1, 2 and 5 of each filter: the first view, scrolling on, and a deeper page. */
const PAGES = [1, 2, 5];

const { values: flags } = parseArgs({ options: { reseed: { type: 'boolean', default: false } } });

/** The filter bar's combinations people use (the Posteingang opens on "offen"). */
function filters(channelIds) {
  return [
    { status: 'open' },
    {},
    { status: 'open', category: 'question' },
    { status: 'open', channelId: channelIds[0] },
    { status: 'new' },
    { status: 'answered' },
    { category: 'complaint' },
    { category: 'hate' },
    { channelId: channelIds[2] },
    { status: 'open', olderThanHours: '24' },
  ];
}

/** The query string as the frontend's InboxApi.list builds it: limit first, then the set filters, then the cursor. */
function listPath(organizationId, filter, after) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (after) params.set('after', after);
  return `/api/orgs/${organizationId}/inbox/items?${params}`;
}

function databaseUrl(name) {
  return Object.assign(new URL(TEST_ADMIN_URL), { pathname: `/${name}` }).toString();
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

async function prepareDatabase() {
  const url = databaseUrl(DATABASE);
  const migrate = () => runOrFail(`migrate ${DATABASE}`, process.execPath, [join(root, 'dist/backend/cli.js'), 'migrate'], { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' });
  if (!flags.reseed && (await isSeeded(url))) {
    console.log(`✓ ${DATABASE} already holds the seed (${TOTAL_ITEMS} inbox items); --reseed rebuilds it`);
    migrate();
    return { url, seed: null };
  }
  console.log(`» recreate ${DATABASE}`);
  await recreateDatabase(DATABASE);
  migrate();
  console.log(`» seed ${TOTAL_ITEMS} inbox items (${MEASURED_ITEMS} in the measured authority), set-based, one transaction`);
  const started = performance.now();
  const { steps } = await seed(url);
  for (const s of steps) console.log(`    ${s.name.padEnd(20)} ${String(s.rows).padStart(9)} rows  ${s.seconds.toFixed(1).padStart(6)} s`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  seeded in ${seconds.toFixed(1)} s`);
  return { url, seed: { seconds, steps } };
}

async function startApi(url) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const redisUrl = `${(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')}/${REDIS_DB}`;
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

async function main() {
  console.log('Posteingang list under load (bench:inbox)\n');
  await ensureServices({ chromium: false });
  runOrFail('npx nx build backend --output-style=static', 'npx', ['nx', 'build', 'backend', '--output-style=static']);
  const database = await prepareDatabase();
  const busyBefore = await machineBusyNow();
  const { origin, pid } = await startApi(database.url);
  const session = await ApiSession.logIn(origin, BENCH_ACCOUNT.email, BENCH_ACCOUNT.password);
  const organizationId = session.organizationId(MEASURED_ORGANIZATION_NAME);
  const channels = await session.request('GET', `/api/orgs/${organizationId}/channels`);
  const channelIds = CHANNELS.map((platform) => channels.find((c) => c.platform === platform)?.id);
  if (channelIds.some((id) => !id)) throw new Error(`the measured authority lacks one of the channels ${CHANNELS.join(', ')}`);
  // Walk every filter's pages as the list does (the cursor of one page asks for the next) and
  // check each page: full, newest first, no item twice, and only items the filter asks for.
  const paths = [];
  let smallest = Infinity;
  for (const filter of filters(channelIds)) {
    let after = null;
    let previous = null;
    for (let page = 1; page <= Math.max(...PAGES); page++) {
      const path = listPath(organizationId, filter, after);
      const view = await session.request('GET', path);
      if (view.items.length !== PAGE_SIZE || !view.nextCursor) throw new Error(`GET ${path} answered ${view.items.length} items, next ${view.nextCursor}`);
      for (const item of view.items) {
        if (previous && (item.receivedAt > previous.receivedAt || item.id === previous.id)) throw new Error(`GET ${path} is not ordered newest first`);
        if (filter.category && item.category !== filter.category) throw new Error(`GET ${path} answered an item of category ${item.category}`);
        if (filter.status && filter.status !== 'open' && item.status !== filter.status) throw new Error(`GET ${path} answered an item with status ${item.status}`);
        previous = item;
      }
      if (PAGES.includes(page)) {
        paths.push(path);
        smallest = Math.min(smallest, JSON.stringify(view).length);
      }
      after = view.nextCursor;
    }
  }
  console.log(`✓ ${paths.length} list requests (${PAGES.join(', ')}. page of ${paths.length / PAGES.length} filters) answer full pages, newest first\n`);

  const headers = { cookie: session.cookieHeader, accept: 'application/json' };
  // The verdict: 16 people working in the Posteingang at once, each clicking at most every
  // 250 ms; beside it the capacity without pause.
  const measured = await measurePeopleAndCapacity('api list', { origin, paths, headers, pid, clients: CONNECTIONS, ratePerClient: CLICK_RATE, minBytes: Math.min(smallest, 1000) });
  const passed = reportPeopleAndCapacity(measured, {
    peopleLabel: `api: ${CONNECTIONS} people (≤ ${CLICK_RATE}/s each), list of ${MEASURED_ITEMS} of ${TOTAL_ITEMS} items`,
    who: 'people',
    targetMs: TARGET_P95_MS,
    busyBefore,
  });
  const { people, api, bare } = measured;
  const file = writeFigures('inbox', {
    measuredAt: new Date().toISOString(),
    machine: { ...machine(), postgres: (await query(database.url, 'SHOW server_version'))[0].server_version, busyBeforeShare: busyBefore },
    data: { totalItems: TOTAL_ITEMS, measuredItems: MEASURED_ITEMS, seed: database.seed },
    requests: paths,
    connections: CONNECTIONS,
    load: LOAD,
    clickRatePerClient: CLICK_RATE,
    people,
    api,
    bare,
    target: { p95Ms: TARGET_P95_MS, checkedOn: 'p95 of the 16 people (exact)' },
    passed,
  });
  console.log(`\nFigures: ${file}`);
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(`\n✗ bench:inbox could not measure: ${error.message}`);
    await stopAll();
    process.exit(1);
  },
);

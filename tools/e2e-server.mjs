// Serves the built app for the browser tests: a fresh migrated database with the demo data,
// the api (with the frontend) on port 4310, a worker, and a Mastodon stand-in on 127.0.0.1
// (backend/test/support/mastodon-stand-in.ts, in this process) that the worker publishes to.
// Started by Playwright's webServer.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './common.mjs';
import { recreateDatabase } from './scratch-database.mjs';

const require = createRequire(join(root, 'package.json'));
const Redis = require('ioredis');

const port = Number(process.env.E2E_PORT ?? 4310);
// Another port (E2E_PORT) gets its own database and Redis db, so a benchmark can run beside the tests.
const redisDb = Number(process.env.E2E_REDIS_DB ?? 9);
const redisUrl = `${(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')}/${redisDb}`;

// Always through Nx: its cache makes this instant when nothing changed, and a stale dist/ is never served.
{
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=backend,frontend', '--output-style=static'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const databaseUrl = await recreateDatabase(port === 4310 ? 'amtsplan_e2e' : `amtsplan_e2e_${port}`);
const redis = new Redis(redisUrl);
await redis.flushdb();
await redis.quit();

// The integration tests' Mastodon stand-in, compiled on the fly (as in tools/bench/publishing.mjs).
// Its address is handed to the tests in a file, as the operator's password below.
process.env.TS_NODE_PROJECT = join(root, 'backend/tsconfig.app.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register');
const { MastodonStandIn } = require(join(root, 'backend/test/support/mastodon-stand-in.ts'));
const mastodon = new MastodonStandIn();
const mastodonUrl = await mastodon.start();

const env = {
  ...process.env,
  NODE_ENV: 'test',
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  APP_ORIGIN: `http://127.0.0.1:${port}`,
  SESSION_SECRET: 'e2e-session-secret-with-more-than-32-characters',
  DEMO_PASSWORD: process.env.DEMO_PASSWORD ?? 'Demo-Passwort-2026!',
  // E2E_FRONTEND_DIST: serve another build (a benchmark comparing two states of the frontend).
  FRONTEND_DIST: process.env.E2E_FRONTEND_DIST ?? join(root, 'dist/frontend/browser'),
  LOG_LEVEL: 'warn',
  // Channel access tokens are sealed with it; a fixed test key, never a real one.
  CHANNEL_SECRET_KEY: Buffer.alloc(32, 'amtsplan-e2e-channel-key').toString('base64'),
};
delete env.SMTP_URL;
delete env.TS_NODE_PROJECT;
delete env.TS_NODE_TRANSPILE_ONLY;

// Accounts only: each browser test builds the plan it checks.
for (const command of [['migrate'], ['seed-demo', '--nur-konten']]) {
  const result = spawnSync(process.execPath, [join(root, 'dist/backend/cli.js'), ...command], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The installation operator, for the "Behörden" tests. Its password exists only in this one
// output, so it is handed to the tests in a file next to their results (never printed here).
{
  const email = 'betrieb@amtsplan.example';
  const result = spawnSync(process.execPath, [join(root, 'dist/backend/cli.js'), 'operator:create', '--email', email], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const password = /^Einmalpasswort \(wird nicht erneut angezeigt\): (\S+)$/m.exec(result.stdout ?? '')?.[1];
  if (result.status !== 0 || !password) {
    console.error(`operator:create failed (exit ${result.status}); no one-time password in its output.`);
    process.exit(result.status || 1);
  }
  const results = join(root, 'dist/test-results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'e2e-operator.json'), `${JSON.stringify({ email, password }, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(join(results, 'e2e-mastodon.json'), `${JSON.stringify({ instanceUrl: mastodonUrl }, null, 2)}\n`);
}

const children = ['api.js', 'worker.js'].map((entry) =>
  spawn(process.execPath, [join(root, 'dist/backend', entry)], { cwd: root, env, stdio: 'inherit' }),
);
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  void mastodon.stop();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && process.exit(code));

// `npm start`: Amtsplan on this machine, from a fresh clone, in one command.
//
// Installs dependencies, finds (or starts) PostgreSQL and Redis, builds when sources changed,
// migrates, seeds the demo data (the CLI does that only once) and runs the api (which also
// serves the built frontend) and the worker as child processes. Ctrl-C stops everything.
// Local state (embedded database, session secret, channel key, private Redis) lives in .data/, which git ignores.
//
// Database: DATABASE_URL if set, else an embedded PostgreSQL (PGlite, data in .data/pglite).
// PGlite is a single in-process session that only one process may open, so in that mode the
// api and the worker run together in one process (dist/backend/standalone.js), which hands the
// session to one transaction at a time. Production runs api.js and worker.js separately against
// a real PostgreSQL. (A socket server in front of PGlite was measured and rejected: it
// interleaves its clients' protocol messages and answered wrongly under a normal pg Pool.)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { bin, ensureDependencies, isRoot, root, run, waitFor, which } from './common.mjs';
import { redact, redisAnswers } from './ensure-services.mjs';

const { values: flags } = parseArgs({ options: { 'no-install': { type: 'boolean' } } });
const DATA = join(root, '.data');
const PORT = Number(process.env.PORT || 3000);
const PRIVATE_REDIS_PORT = 63790;
const OUTPUTS = ['dist/backend/api.js', 'dist/backend/standalone.js', 'dist/frontend/browser/index.html'];
const SOURCES = ['backend', 'frontend', 'libs', 'package-lock.json', 'tsconfig.base.json'];
const sudo = isRoot ? '' : 'sudo ';

const apps = []; // api, worker: stopped first
const infra = []; // private Redis: stopped after the apps have let go of it
let stopping = false;

// ---------------------------------------------------------------- child processes

/** Each output line prefixed with the child's name, so api, worker and redis can be told apart. */
function prefix(stream, name, to) {
  createInterface({ input: stream }).on('line', (line) => to.write(`[${name}] ${line}\n`));
}

/**
 * A long-running child in its own process group: Ctrl-C reaches only us, and we stop the apps
 * before the Redis they use. If one dies on its own, everything stops (a half-running app misleads).
 */
function startChild(name, command, args, env, group) {
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.name = name;
  prefix(child.stdout, name, process.stdout);
  prefix(child.stderr, name, process.stderr);
  child.on('error', (error) => console.error(`[${name}] ${error.message}`));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n✗ ${name} hat sich beendet (${signal ?? `Exit-Code ${code}`}); alles wird gestoppt.`);
    shutdown(1);
  });
  group.push(child);
  return child;
}

const running = (child) => child.exitCode === null && child.signalCode === null;

async function stopGroup(group) {
  for (const child of group.filter(running)) child.kill('SIGTERM');
  const exited = await waitFor(() => !group.some(running), 10);
  if (!exited) for (const child of group.filter(running)) child.kill('SIGKILL');
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (apps.length || infra.length) console.log('\nStoppe Amtsplan …');
  await stopGroup(apps);
  await stopGroup(infra);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => shutdown(0));
// Should this script die some other way, do not leave servers behind.
process.on('exit', () => [...apps, ...infra].filter(running).forEach((child) => child.kill('SIGTERM')));

// ---------------------------------------------------------------- steps

function database() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'aus DATABASE_URL', embedded: false };
  const directory = join(DATA, 'pglite');
  mkdirSync(directory, { recursive: true });
  return { url: `pglite:${directory}`, label: 'eingebettetes PostgreSQL (PGlite), Daten in .data/pglite', embedded: true };
}

async function redis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, label: 'aus REDIS_URL' };
  // Database 0 of the machine's Redis; the integration and browser tests use 1–9 and empty them.
  const shared = 'redis://127.0.0.1:6379/0';
  if (await redisAnswers(shared)) return { url: shared, label: 'lokaler Redis' };
  const url = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;
  const label = 'eigener Redis, Daten in .data/redis';
  if (await redisAnswers(url)) return { url, label }; // left over from an earlier start
  if (!which('redis-server')) {
    throw new Error(`Redis fehlt. Installieren mit:\n  ${sudo}apt-get install -y redis-server\nOder REDIS_URL setzen.`);
  }
  const dir = join(DATA, 'redis');
  mkdirSync(dir, { recursive: true });
  // Queues must survive a restart and never lose jobs to eviction: AOF on, noeviction.
  startChild('redis', 'redis-server', ['--port', String(PRIVATE_REDIS_PORT), '--bind', '127.0.0.1', '--dir', dir,
    '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--daemonize', 'no'], process.env, infra);
  if (!(await waitFor(() => stopping || redisAnswers(url), 15)) || stopping) throw new Error(`redis-server antwortet nicht auf ${url}.`);
  return { url, label };
}

/** Newest modification time below the given paths (node_modules and dist aside). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

async function build() {
  const outputs = OUTPUTS.map((file) => join(root, file));
  const built = Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  if (built > Math.max(...SOURCES.map((path) => newest(join(root, path))))) return;
  console.log('» npx nx run-many -t build --projects=backend,frontend');
  const code = await run(bin('nx'), ['run-many', '-t', 'build', '--projects=backend,frontend', '--output-style=static']);
  if (code !== 0) throw new Error('Der Build ist fehlgeschlagen (Ausgabe oben).');
  const missing = OUTPUTS.filter((file) => !existsSync(join(root, file)));
  if (missing.length) throw new Error(`Nach dem Build fehlt: ${missing.join(', ')}`);
  // Nx leaves unchanged outputs untouched; mark them as current so the next start skips the build.
  for (const file of outputs) utimesSync(file, new Date(), new Date());
}

/**
 * A secret from the environment, or generated once and kept in .data/ (mode 0600), so that it
 * survives a restart: sessions stay valid, and stored channel tokens stay readable.
 */
function keptSecret(variable, file, bytes, encoding, minLength) {
  if (process.env[variable]) return process.env[variable];
  const path = join(DATA, file);
  const kept = existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
  if (kept.length >= minLength) return kept;
  const secret = randomBytes(bytes).toString(encoding);
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return secret;
}

const sessionSecret = () => keptSecret('SESSION_SECRET', 'session-secret', 48, 'base64url', 32);
/** Encrypts the Mastodon access tokens of channels (AES-256-GCM): 32 bytes, base64. */
const channelSecretKey = () => keptSecret('CHANNEL_SECRET_KEY', 'channel-secret-key', 32, 'base64', 44);

/** `node dist/backend/cli.js <command>`; output shown as it comes and returned as lines. */
function cli(command, env) {
  console.log(`» node dist/backend/cli.js ${command}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist/backend/cli.js'), command], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(line);
      lines.push(line);
    });
    child.on('exit', (code) => (code === 0 ? resolve(lines) : shutdownWith(`${command} ist fehlgeschlagen (Exit-Code ${code}).`)));
  });
}

async function healthy(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.status === 200 ? true : `${response.status} ${await response.text()}`.slice(0, 300);
  } catch (error) {
    return error.cause?.code ?? error.message;
  }
}

function shutdownWith(message) {
  console.error(`\n✗ ${message}`);
  return shutdown(1);
}

// ---------------------------------------------------------------- main

async function main() {
  if (!flags['no-install']) await ensureDependencies();
  mkdirSync(DATA, { recursive: true, mode: 0o700 });
  const db = database();
  const queue = await redis();
  await build();

  const origin = process.env.APP_ORIGIN || `http://localhost:${PORT}`;
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(PORT),
    DATABASE_URL: db.url,
    REDIS_URL: queue.url,
    APP_ORIGIN: origin,
    SESSION_SECRET: sessionSecret(),
    CHANNEL_SECRET_KEY: channelSecretKey(),
    FRONTEND_DIST: process.env.FRONTEND_DIST || join(root, 'dist/frontend/browser'),
  };
  // Without SMTP_URL the backend writes mails to its log instead of sending them.
  if (!process.env.SMTP_URL) delete env.SMTP_URL;

  await cli('migrate', env);
  const seed = await cli('seed-demo', env);

  if (db.embedded) {
    startChild('app', process.execPath, [join(root, 'dist/backend/standalone.js')], env, apps);
  } else {
    startChild('api', process.execPath, [join(root, 'dist/backend/api.js')], env, apps);
    startChild('worker', process.execPath, [join(root, 'dist/backend/worker.js')], env, apps);
  }
  const health = `http://127.0.0.1:${PORT}/api/health`;
  let last = '';
  const ok = await waitFor(async () => stopping || (last = await healthy(health)) === true, 90);
  if (stopping) return;
  if (!ok) return shutdownWith(`${health} meldet nach 90 s nicht 200 (zuletzt: ${last}).`);

  // The seed printed the logins (and, on the first run only, the password); repeat them last.
  const logins = seed.filter((line) => line.includes('@') || /passwort/i.test(line)).map((line) => line.trim());
  if (!logins.some((line) => /passwort/i.test(line))) logins.push('Passwort: wie beim ersten Start ausgegeben (oder DEMO_PASSWORD)');
  const rule = '═'.repeat(78);
  console.log([
    '', rule,
    `  Amtsplan läuft:  ${origin}`,
    `  API-Doku:        ${origin}/api/docs`,
    `  Datenbank:       ${redact(db.url)} (${db.label})`,
    `  Redis:           ${redact(queue.url)} (${queue.label})`,
    `  E-Mails:         ${process.env.SMTP_URL ? 'über SMTP_URL' : 'werden nicht versendet, sondern ins Log [api]/[worker] geschrieben'}`,
    '',
    '  Demo-Zugänge:',
    ...logins.map((line) => `    ${line}`),
    '',
    '  Beenden mit Strg+C',
    rule, '',
  ].join('\n'));
}

main().catch((error) => shutdownWith(error.message));

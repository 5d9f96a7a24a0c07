// Makes sure the services the integration and browser tests need are running:
// PostgreSQL (TEST_DATABASE_URL), Redis (TEST_REDIS_URL) and Debian's Chromium.
// On this kind of machine they are installed and started before a session; on a plain Debian
// machine we install them as root (CI cannot be asked questions). Without root we stop and
// print the exact command instead. `node tools/ensure-services.mjs` runs it on its own.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { capture, isRoot, root, run, waitFor, which } from './common.mjs';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';
export const CHROMIUM = '/usr/bin/chromium';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '']);
const sudo = isRoot ? '' : 'sudo ';

/** Everything; returns the URLs the tests should use. */
export async function ensureServices({ postgres = true, redis = true, chromium = true } = {}) {
  const databaseUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
  if (postgres) await ensurePostgres(databaseUrl);
  if (redis) await ensureRedis(redisUrl);
  if (chromium) await ensureChromium();
  return { databaseUrl, redisUrl };
}

let aptUpdated = false;
async function aptInstall(...packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    console.log('» apt-get update');
    if ((await run('apt-get', ['update'], { env })) !== 0) throw new Error('apt-get update failed');
    aptUpdated = true;
  }
  console.log(`» apt-get install -y ${packages.join(' ')}`);
  if ((await run('apt-get', ['install', '-y', ...packages], { env })) !== 0) {
    throw new Error(`apt-get install -y ${packages.join(' ')} failed`);
  }
}

function installHint(what, pkg) {
  return new Error(`${what} is not installed. Install it with:\n  ${sudo}apt-get update && ${sudo}apt-get install -y ${pkg}`);
}

// ---------------------------------------------------------------- PostgreSQL

/** Accepting connections? pg_isready when the client tools exist, else a plain TCP connect. */
function postgresAnswers(url) {
  const { hostname, port } = new URL(url);
  if (!which('pg_isready')) return tcpOpen(hostname || '127.0.0.1', Number(port || 5432));
  return capture('pg_isready', ['-h', hostname || '127.0.0.1', '-p', port || '5432'], { timeout: 5000 }).code === 0;
}

/** Debian's cluster: `pg_ctlcluster <version> main start` (newest version if several). */
function localClusterVersion() {
  try {
    return readdirSync('/etc/postgresql').sort((a, b) => Number(a) - Number(b)).at(-1) ?? null;
  } catch {
    return null;
  }
}

/**
 * @param {string} url server and credentials to check (the user must get in without a password
 *   over 127.0.0.1; trust auth, as on this machine)
 * @param {{install?: boolean}} options install with apt-get when missing (tests: yes; npm start: no)
 */
export async function ensurePostgres(url, { install = true } = {}) {
  const local = LOCAL_HOSTS.has(new URL(url).hostname);
  if (!(await postgresAnswers(url))) {
    if (!local) {
      if (!(await waitFor(() => postgresAnswers(url), 30))) throw new Error(`PostgreSQL at ${redact(url)} does not answer.`);
    } else {
      let installedNow = false;
      if (!which('pg_ctlcluster')) {
        if (!install || !isRoot) throw installHint('PostgreSQL', 'postgresql');
        await aptInstall('postgresql');
        installedNow = true;
      }
      const version = localClusterVersion();
      if (!version) throw new Error('PostgreSQL is installed but /etc/postgresql has no cluster (pg_createcluster 15 main).');
      console.log(`» pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
      // Exit code 2 means "already running"; readiness below is what counts.
      await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
      if (installedNow) trustLoopback(version);
      if (!(await waitFor(() => postgresAnswers(url), 30))) {
        throw new Error(`PostgreSQL ${version}/main was started but does not answer on ${redact(url)} within 30 s (see /var/log/postgresql/).`);
      }
    }
  }
  // Accepting connections is not enough: the tests log in without a password.
  if (which('psql')) {
    const check = capture('psql', [url, '-tAc', 'select 1'], { timeout: 10_000 });
    if (check.code !== 0) {
      throw new Error(`PostgreSQL answers but \`psql ${redact(url)} -c 'select 1'\` fails:\n${check.stderr.trim()}\n` +
        'The tests expect trust auth for 127.0.0.1 (pg_hba.conf: host all all 127.0.0.1/32 trust), or set TEST_DATABASE_URL.');
    }
  }
  console.log(`✓ PostgreSQL ${redact(url)}`);
}

/**
 * A freshly installed Debian cluster wants passwords on 127.0.0.1; the tests (like this
 * machine's pre-installed cluster) log in as postgres without one. Only for a cluster we just
 * installed ourselves: a test machine's throwaway database, never an existing installation.
 */
function trustLoopback(version) {
  const file = `/etc/postgresql/${version}/main/pg_hba.conf`;
  const lines = 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n';
  writeFileSync(file, `# Added by tools/ensure-services.mjs for local tests\n${lines}${readFileSync(file, 'utf8')}`);
  capture('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'reload']);
}

// ---------------------------------------------------------------- Redis

function tcpOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('connect', () => done(true));
    socket.on('error', () => done(false));
  });
}

/** PING over RESP (with AUTH when the URL has a password); no redis-cli needed. */
export function redisAnswers(url, timeoutMs = 1000) {
  const { hostname, port, username, password, protocol } = new URL(url);
  if (protocol === 'rediss:') return tcpOpen(hostname, Number(port || 6380), timeoutMs); // TLS: reachability only
  const command = (...args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    let reply = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      const auth = password ? command('AUTH', ...(username ? [decodeURIComponent(username)] : []), decodeURIComponent(password)) : '';
      socket.write(auth + command('PING'));
    });
    socket.on('data', (data) => {
      reply += data;
      if (reply.includes('+PONG')) done(true);
      else if (reply.startsWith('-') || reply.includes('\r\n-')) done(false);
    });
  });
}

export async function ensureRedis(url, { install = true } = {}) {
  if (await redisAnswers(url)) return console.log(`✓ Redis ${redact(url)}`);
  const { hostname, port } = new URL(url);
  if (!LOCAL_HOSTS.has(hostname)) {
    if (!(await waitFor(() => redisAnswers(url), 30))) throw new Error(`Redis at ${redact(url)} does not answer.`);
    return console.log(`✓ Redis ${redact(url)}`);
  }
  if (!which('redis-server')) {
    if (!install || !isRoot) throw installHint('Redis', 'redis-server');
    await aptInstall('redis-server');
    // Debian's package may have started its own server already.
    if (await waitFor(() => redisAnswers(url), 3)) return console.log(`✓ Redis ${redact(url)}`);
  }
  // The machine's own start command: nothing kept on disk, loopback only, in the background.
  const dir = isRoot ? '/var/lib/redis' : join(root, '.data', 'redis-test');
  const logDir = isRoot ? '/var/log/redis' : dir;
  mkdirSync(dir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  const args = ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', port || '6379', '--save', '', '--appendonly', 'no',
    '--dir', dir, '--logfile', join(logDir, 'ci.log')];
  console.log(`» redis-server ${args.map((a) => (a === '' ? '""' : a)).join(' ')}`);
  await run('redis-server', args);
  if (!(await waitFor(() => redisAnswers(url), 15))) throw new Error(`redis-server was started but ${redact(url)} does not answer within 15 s (see ${join(logDir, 'ci.log')}).`);
  console.log(`✓ Redis ${redact(url)}`);
}

// ---------------------------------------------------------------- Chromium

/** Debian's Chromium for Playwright; never a browser downloaded by a test tool. */
export async function ensureChromium() {
  const present = () => capture('test', ['-x', CHROMIUM]).code === 0;
  if (!present()) {
    if (!isRoot) throw installHint('Chromium', 'chromium');
    await aptInstall('chromium');
    if (!present()) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing.`);
  }
  console.log(`✓ Chromium ${CHROMIUM}`);
}

/** For log lines: never print a password from a URL. */
export function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureServices().then(
    ({ databaseUrl, redisUrl }) => console.log(`TEST_DATABASE_URL=${redact(databaseUrl)}\nTEST_REDIS_URL=${redact(redisUrl)}`),
    (error) => {
      console.error(`✗ ${error.message}`);
      process.exit(1);
    },
  );
}

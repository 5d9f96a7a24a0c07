// Helpers shared by tools/test.mjs, tools/start.mjs and tools/ensure-services.mjs.
// Node built-ins only: these scripts run on a fresh clone, before `npm install` has happened.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync, utimesSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const isRoot = process.getuid?.() === 0;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A locally installed CLI (what `npx` would run), without npx's start-up cost and warnings. */
export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Full path of an executable on PATH (plus the sbin directories root uses), or null. */
export function which(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** Runs a command and waits for it; resolves to the exit code (never rejects). */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a short command and returns its output (for checks such as pg_isready or psql). */
export function capture(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 30_000, ...options });
  return { code: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? result.error?.message ?? '' };
}

/** Polls `check` until it returns a truthy value or `seconds` have passed. */
export async function waitFor(check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await sleep(500);
  }
}

/**
 * `npm install` when node_modules is missing or package-lock.json changed since the last
 * install (npm keeps its own copy in node_modules/.package-lock.json). Never `npm ci`: it fails
 * on this registry snapshot because other platforms' optional binaries are missing.
 */
export async function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && !(existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)) return;
  console.log('» npm install --no-audit --no-fund');
  // `npm test --silent` hands loglevel=silent down to us; an install failure must stay visible.
  const env = { ...process.env };
  delete env.npm_config_loglevel;
  const code = await run('npm', ['install', '--no-audit', '--no-fund'], { env });
  if (code !== 0) throw new Error(`npm install failed (exit ${code})`);
  // npm may rewrite package-lock.json after its own copy; mark the install as current.
  if (existsSync(installed)) utimesSync(installed, new Date(), new Date());
}

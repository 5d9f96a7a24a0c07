// Child processes of a benchmark: started in their own process group, so that a server's own
// children (the e2e server's api and worker, nx's build) stop with it; all stopped on exit and Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { root, sleep } from '../common.mjs';

const children = new Set();
const running = (child) => child.exitCode === null && child.signalCode === null;

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Starts `node <args>` (or another command) in its own process group; stopped by stopAll(). */
export function startChild(name, command, args, { env = process.env, ipc = false } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit'],
  });
  child.benchName = name;
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Resolves when the child has exited; SIGKILL to its group after `seconds`. */
async function stop(child, seconds = 10) {
  if (!running(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), seconds * 1000);
  await exited;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...children].map((child) => stop(child)));
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    console.error(`\n${signal}: stopping the benchmark's processes …`);
    stopAll().finally(() => process.exit(130));
  });
}
// Any other way out (an uncaught error, process.exit): no server is left behind.
process.on('exit', () => {
  for (const child of children) if (running(child)) signalGroup(child, 'SIGTERM');
});

/** A command that must succeed (build, migrate); its output goes to the terminal. */
export function runOrFail(description, command, args, env = process.env) {
  console.log(`» ${description}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${description} failed (exit ${result.status ?? result.signal})`);
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200; fails early when `child` exits first. */
export async function waitForHealth(url, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (!running(child)) throw new Error(`${child.benchName} exited (${child.signalCode ?? `exit ${child.exitCode}`}) before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer 200 within ${seconds} s`);
}

/**
 * Node's arguments for the api under measurement: with BENCH_API_CPU_PROF=<directory> the api
 * writes a V8 CPU profile there when it stops (open it in Chromium's DevTools, Performance tab),
 * to see where a request's time goes. Off by default: profiling slows the api a little.
 */
export function apiNodeArguments(script) {
  const directory = process.env.BENCH_API_CPU_PROF;
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`, script] : [script];
}

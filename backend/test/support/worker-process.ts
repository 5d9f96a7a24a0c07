import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_CHANNEL_SECRET_KEY } from './test-environment';
import { sleep } from './wait';

/** The repository root (the worker entry and the tsconfig paths are relative to it). */
export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

const READY_LINE = 'Listening on queues';
const KEPT_LINES = 200;

/**
 * The real worker entry point (`backend/src/worker.ts`) in an OS process of its own, compiled
 * on the fly by ts-node (transpile only, a few seconds; no build needed and never stale). A
 * process of its own is what makes `kill -9` mean what it means in production: no shutdown
 * hook, no finally block, the socket to the platform cut mid-request.
 */
export class WorkerProcess {
  private readonly lines: string[] = [];
  private exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(line);
      this.lines.splice(0, Math.max(0, this.lines.length - KEPT_LINES));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts a worker and resolves once its queue processors listen (at most `timeoutMs`). */
  static async start(name: string, environment: WorkerEnvironment, timeoutMs = 60_000): Promise<WorkerProcess> {
    const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join('backend', 'src', 'worker.ts')], {
      cwd: REPOSITORY_ROOT,
      env: {
        ...inherited,
        TS_NODE_PROJECT: join(REPOSITORY_ROOT, 'backend', 'tsconfig.app.json'),
        TS_NODE_TRANSPILE_ONLY: 'true',
        NODE_ENV: 'test',
        APP_ORIGIN: 'http://localhost:3000',
        SESSION_SECRET: 'integration-test-secret-of-at-least-32-chars',
        CHANNEL_SECRET_KEY: TEST_CHANNEL_SECRET_KEY,
        // Info, because the ready line is an info line; the lines are kept for failure messages.
        LOG_LEVEL: 'info',
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(name, child);
    // A worker must not outlive the test run, whatever ends it.
    const cleanUp = () => child.kill('SIGKILL');
    process.once('exit', cleanUp);
    child.once('exit', () => process.off('exit', cleanUp));
    const until = Date.now() + timeoutMs;
    while (!worker.lines.some((line) => line.includes(READY_LINE))) {
      if (!worker.running) throw new Error(`worker ${name} exited before it was ready:\n${worker.output()}`);
      if (Date.now() > until) {
        await worker.kill();
        throw new Error(`worker ${name} not ready within ${timeoutMs} ms:\n${worker.output()}`);
      }
      await sleep(100);
    }
    return worker;
  }

  /** kill -9: the process ends at once, whatever it is doing. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM, the worker closes its processors); SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** The last lines the worker wrote (for failure messages). */
  output(): string {
    return this.lines.slice(-40).join('\n');
  }

  /** Whether one of the lines kept (the last 200) matches. */
  wrote(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }
}

export interface WorkerEnvironment {
  DATABASE_URL: string;
  REDIS_URL: string;
  MEDIA_DIR: string;
  PUBLISH_REQUEST_TIMEOUT_SECONDS?: string;
  [name: string]: string | undefined;
}

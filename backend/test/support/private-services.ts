import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { sleep } from './wait';

/**
 * What must not outlive the test process: a crashed or interrupted test run leaves no server
 * behind (the PostgreSQL server daemonizes and would otherwise keep running). Synchronous, as
 * 'exit' handlers must be. A SIGKILL of the test process itself still leaves them.
 */
const leftovers = new Set<() => void>();
process.once('exit', () => {
  for (const cleanUp of leftovers) cleanUp();
});

/** A TCP port on 127.0.0.1 that nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Redis of the test's own, without persistence (`--save "" --appendonly no`): stopping it loses
 * every job, as a Redis without persistence (or a failed-over managed one) does in production.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  /** The server's process id (for CPU accounting). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGKILL and a new empty server on the same port. */
  async restartEmpty(downMs = 1_000): Promise<void> {
    await this.stop();
    await sleep(downMs);
    await this.launch();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  private async launch(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: 'ignore',
    });
    this.child = child;
    const cleanUp = () => child.kill('SIGKILL');
    leftovers.add(cleanUp);
    child.once('exit', () => leftovers.delete(cleanUp));
    const until = Date.now() + 10_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`redis-server on port ${this.port} exited (${this.child.exitCode})`);
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined); // refused while the server starts: the loop tries again
      try {
        await client.connect();
        if ((await client.ping()) === 'PONG') return;
      } catch {
        // not listening yet
      } finally {
        client.disconnect();
      }
      if (Date.now() > until) throw new Error(`redis-server on port ${this.port} did not answer within 10 s`);
      await sleep(100);
    }
  }
}

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory), so that it can be
 * stopped and started without disturbing anyone. PostgreSQL refuses to run as root: as root the
 * commands run as the `postgres` OS user (`runuser`), which the Debian package creates.
 */
export class PrivateCluster {
  private constructor(
    private readonly bin: string,
    private readonly directory: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivateCluster> {
    const bin = postgresBinaries();
    const directory = mkdtempSync(join(tmpdir(), 'amtsplan-pg-'));
    const cluster = new PrivateCluster(bin, directory, await freePort());
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(directory, uid, gid);
    }
    leftovers.add(cluster.cleanUp);
    cluster.run('initdb', ['-D', cluster.dataDirectory, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    cluster.startServer();
    return cluster;
  }

  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDirectory(): string {
    return join(this.directory, 'data');
  }

  /**
   * Stops the server like a crash (`-m immediate`: no shutdown checkpoint, every connection cut,
   * crash recovery on start), keeps it down for `downMs`, and starts it again.
   */
  async crashAndRestart(downMs: number): Promise<void> {
    this.run('pg_ctl', ['-D', this.dataDirectory, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    await sleep(downMs);
    this.startServer();
  }

  async accepting(): Promise<boolean> {
    const client = new Client({ connectionString: this.adminUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private readonly cleanUp = () => this.destroy();

  destroy(): void {
    leftovers.delete(this.cleanUp);
    try {
      this.run('pg_ctl', ['-D', this.dataDirectory, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  private startServer(): void {
    const options = `-p ${this.port} -k ${this.directory} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100`;
    this.run('pg_ctl', ['-D', this.dataDirectory, '-o', options, '-l', join(this.directory, 'server.log'), '-w', '-t', '60', 'start']);
  }

  private run(program: string, args: string[]): void {
    const command = join(this.bin, program);
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 90_000 });
  }
}

/** PG_BIN, or the newest /usr/lib/postgresql/<version>/bin of the Debian package. */
function postgresBinaries(): string {
  const configured = process.env['PG_BIN'];
  if (configured) return configured;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('initdb not found under /usr/lib/postgresql/*/bin (install the postgresql package or set PG_BIN)');
  return join(base, newest, 'bin');
}

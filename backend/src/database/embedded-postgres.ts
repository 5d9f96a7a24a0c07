import { PGlite } from '@electric-sql/pglite';
import { EventEmitter } from 'node:events';

/**
 * PostgreSQL compiled to WebAssembly, in-process, for `npm start` without DATABASE_URL
 * (`DATABASE_URL=pglite:<directory>`). PGlite has a single session, so this pool hands it to
 * one client at a time: a transaction and its transaction-local settings (the tenant scope of
 * row-level security) can never interleave with another request's statements. Only one
 * process may open the directory; `npm start` then runs api and worker in one process.
 */

type Callback<T> = (error: Error | null, value?: T) => void;

interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: Array<{ name: string; dataTypeID: number }>;
}

class Turns {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  take(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => release);
  }
}

interface Shared {
  database: Promise<PGlite>;
  turns: Turns;
  pools: number;
}

const opened = new Map<string, Shared>();

function shared(directory: string): Shared {
  let entry = opened.get(directory);
  if (!entry) {
    entry = { database: PGlite.create(directory), turns: new Turns(), pools: 0 };
    opened.set(directory, entry);
  }
  return entry;
}

async function run(database: PGlite, sql: string, parameters?: unknown[]): Promise<PgLikeResult> {
  const command = (sql.trimStart().match(/^[A-Za-z]+/)?.[0] ?? '').toUpperCase();
  if (parameters && parameters.length > 0) {
    const result = await database.query(sql, parameters);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command, fields: result.fields };
  }
  const results = await database.exec(sql);
  const last = results[results.length - 1];
  return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0, command, fields: last?.fields ?? [] };
}

function settle<T>(promise: Promise<T>, callback?: Callback<T>): Promise<T> {
  if (callback) promise.then((value) => callback(null, value), (error: Error) => callback(error));
  return promise;
}

/** The `pg` module shape TypeORM's postgres driver uses (`new driver.Pool(options)`). */
export function embeddedPostgresDriver(directory: string): { Pool: new () => EventEmitter } {
  class EmbeddedPool extends EventEmitter {
    private readonly entry = shared(directory);

    constructor() {
      super();
      this.entry.pools += 1;
    }

    connect(callback: (error: Error | null, client?: unknown, release?: () => void) => void): void {
      const { database, turns } = this.entry;
      turns.take().then(async (release) => {
        try {
          const db = await database;
          // TypeORM listens for 'notice' and 'error' on clients, as pg's clients emit them.
          const client = Object.assign(new EventEmitter(), {
            query: (sql: string, parameters?: unknown[] | Callback<PgLikeResult>, cb?: Callback<PgLikeResult>) =>
              typeof parameters === 'function' ? settle(run(db, sql), parameters) : settle(run(db, sql, parameters), cb),
          });
          callback(null, client, release);
        } catch (error) {
          release();
          callback(error as Error);
        }
      });
    }

    query(sql: string, parameters?: unknown[] | Callback<PgLikeResult>, cb?: Callback<PgLikeResult>): Promise<PgLikeResult> {
      const { database, turns } = this.entry;
      const work = turns.take().then(async (release) => {
        try {
          return await run(await database, sql, typeof parameters === 'function' ? undefined : parameters);
        } finally {
          release();
        }
      });
      return settle(work, typeof parameters === 'function' ? parameters : cb);
    }

    end(callback?: (error?: Error) => void): Promise<void> {
      this.entry.pools -= 1;
      const closing =
        this.entry.pools > 0
          ? Promise.resolve()
          : this.entry.database.then((db) => db.close()).then(() => void opened.delete(directory));
      return closing.then(() => callback?.(), (error: Error) => callback?.(error));
    }
  }
  return { Pool: EmbeddedPool };
}

export function embeddedDirectory(databaseUrl: string): string | null {
  return databaseUrl.startsWith('pglite:') ? databaseUrl.slice('pglite:'.length).replace(/^\/\//, '') : null;
}

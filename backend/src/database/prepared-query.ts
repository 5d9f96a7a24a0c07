import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/** A statement PostgreSQL parses and plans once per connection, then only binds and executes. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * A statement whose text is built from a request's filters: one name per distinct text (a
 * "shape"), the values always as parameters. PostgreSQL plans the first five runs of a shape on
 * a connection for their values, then keeps a generic plan when it is not costlier, which
 * skips planning from then on. Write the conditions so that a generic plan can use the
 * indexes (ranges instead of `LIKE $1`), and keep the number of shapes small: each stays
 * prepared on every pooled connection for its life.
 */
export function shapedStatement(prefix: string, text: string): PreparedStatement {
  return { name: `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text };
}

export interface PreparedResult<T> {
  readonly rows: T[];
  readonly rowCount: number;
}

/**
 * Runs a named (prepared) statement in the transaction of `manager`: on a pooled `pg`
 * connection PostgreSQL keeps its parse tree and plan for the connection's life, which is what
 * the publisher's per-post statements spend most of their server time on otherwise. The
 * embedded PGlite pool of `npm start` (embedded-postgres.ts) takes only a text and parameters,
 * so there the statement is sent as an ordinary query. Errors are TypeORM's QueryFailedError
 * either way, as from `manager.query`.
 */
export async function runPrepared<T>(manager: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<PreparedResult<T>> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error(`${statement.name}: prepared statements need a transaction's query runner`);
  const connection: unknown = await runner.connect();
  if (connection instanceof Client) {
    try {
      const result = await connection.query({ name: statement.name, text: statement.text, values });
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw new QueryFailedError(statement.text, values, error as Error);
    }
  }
  const result = await runner.query(statement.text, values, true);
  return { rows: result.records as T[], rowCount: result.affected ?? result.records.length };
}

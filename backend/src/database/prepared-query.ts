import { Client } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/** A statement PostgreSQL parses and plans once per connection, then only binds and executes. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
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

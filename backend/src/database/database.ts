import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AccessScope, ScopedTransaction } from './scoped-transaction';

/**
 * The one way the app touches PostgreSQL: every unit of work is a transaction acting as the
 * non-owner app role with an explicit access scope, so row-level security always applies.
 */
@Injectable()
export class Database {
  private readonly logger = new Logger('Database');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transaction<T>(scope: AccessScope, work: (tx: ScopedTransaction) => Promise<T>): Promise<T> {
    let tx: ScopedTransaction | undefined;
    let workDone = false;
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        tx = new ScopedTransaction(manager, scope);
        await tx.apply(scope);
        const value = await work(tx);
        workDone = true;
        return value;
      });
    } catch (error) {
      // A failed work is always rolled back; a failed commit only when the server answered it.
      if (!workDone || refusedByServer(error)) await tx?.runAfterRollback((e) => this.report('Nach dem Rollback', e));
      else this.logger.error(`Ausgang des Commits unbekannt: ${message(error)}`);
      throw error;
    }
    await tx?.runAfterCommit((e) => this.report('Nach dem Commit', e));
    return result;
  }

  /** Liveness only; never used for data. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  private report(when: string, error: unknown): void {
    this.logger.error(`${when} fehlgeschlagen: ${message(error)}`);
  }
}

/** An error PostgreSQL answered with (it carries an SQLSTATE), as opposed to a lost connection. */
function refusedByServer(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

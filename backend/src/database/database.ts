import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    const result = await this.dataSource.transaction(async (manager) => {
      tx = new ScopedTransaction(manager, scope);
      await tx.apply(scope);
      return work(tx);
    });
    await tx?.runAfterCommit((error) => this.logger.error(`Nach dem Commit fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`));
    return result;
  }

  /** Liveness only; never used for data. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

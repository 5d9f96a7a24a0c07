import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScope, ScopedTransaction } from './scoped-transaction';

/**
 * The one way the app touches PostgreSQL: every unit of work is a transaction acting as the
 * non-owner app role with an explicit access scope, so row-level security always applies.
 */
@Injectable()
export class Database {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transaction<T>(scope: AccessScope, work: (tx: ScopedTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const tx = new ScopedTransaction(manager, scope);
      await tx.apply(scope);
      return work(tx);
    });
  }

  /** Liveness only; never used for data. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

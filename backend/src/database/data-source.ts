import { DataSource, DataSourceOptions } from 'typeorm';
import { embeddedDirectory, embeddedPostgresDriver } from './embedded-postgres';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The non-owner role the app acts as, so that row-level security applies (created by migration). */
export const APP_DB_ROLE = 'amtsplan_app';

export type ConnectionPurpose =
  /** api and worker: every connection acts as APP_DB_ROLE from its first statement. */
  | 'app'
  /** migrations, demo seed and operator CLI: the owner account of DATABASE_URL. */
  | 'owner';

export function dataSourceOptions(databaseUrl: string, purpose: ConnectionPurpose, poolSize = 10): DataSourceOptions {
  const embedded = embeddedDirectory(databaseUrl);
  return {
    type: 'postgres',
    ...(embedded ? { driver: embeddedPostgresDriver(embedded) } : { url: databaseUrl }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    logging: ['error'],
    extra: {
      max: poolSize,
      // The startup option makes the pooled connection itself non-owner; DbScope repeats it
      // per transaction for drivers that ignore startup options.
      ...(purpose === 'app' ? { options: `-c role=${APP_DB_ROLE}` } : {}),
      application_name: purpose === 'app' ? 'amtsplan' : 'amtsplan-admin',
    },
  };
}

export function createDataSource(databaseUrl: string, purpose: ConnectionPurpose, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, purpose, poolSize));
}

import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';

/** Server and credentials of the real PostgreSQL the tests use (trust auth on this machine). */
const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_BASE = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty database built by running the migrations, exactly as production is. */
export async function createMigratedDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const owner = createDataSource(url, 'owner', 2);
  await owner.initialize();
  await owner.runMigrations({ transaction: 'each' });
  await owner.destroy();
  return url;
}

/** A Redis database of its own per test file, emptied first. */
export async function freshRedis(db: number): Promise<string> {
  const url = `${REDIS_BASE.replace(/\/\d*$/, '')}/${db}`;
  const redis = new Redis(url);
  await redis.flushdb();
  await redis.quit();
  return url;
}

/** A fixed key for channel secrets in tests (32 bytes, base64), never used outside tests. */
export const TEST_CHANNEL_SECRET_KEY = Buffer.alloc(32, 'amtsplan-test-key').toString('base64');

export function testConfig(values: {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl?: string;
  mediaMaxBytes?: number;
  /** Further variables, e.g. a short PUBLISH_REQUEST_TIMEOUT_SECONDS. */
  environment?: Record<string, string>;
}): AppConfig {
  return loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: values.databaseUrl,
    REDIS_URL: values.redisUrl,
    APP_ORIGIN: 'http://localhost:3000',
    SESSION_SECRET: 'integration-test-secret-of-at-least-32-chars',
    SMTP_URL: values.smtpUrl,
    LOG_LEVEL: process.env['TEST_LOGS'] === '1' ? 'error' : 'silent',
    MEDIA_DIR: mkdtempSync(join(tmpdir(), 'amtsplan-media-')),
    MEDIA_MAX_BYTES: values.mediaMaxBytes === undefined ? undefined : String(values.mediaMaxBytes),
    CHANNEL_SECRET_KEY: TEST_CHANNEL_SECRET_KEY,
    ...values.environment,
  });
}

/** An owner connection for arranging and inspecting state the API cannot reach. */
export async function ownerConnection(url: string): Promise<DataSource> {
  const dataSource = createDataSource(url, 'owner', 2);
  await dataSource.initialize();
  return dataSource;
}

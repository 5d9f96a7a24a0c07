import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../src/app/create-api-app';
import { WorkerModule } from '../../src/app/worker.module';
import { AppConfig } from '../../src/config/app-config';
import { PublishingSchedule } from '../../src/publishing/publishing.schedule';
import { seedDemo } from '../../src/demo/demo-seed';
import { ApiClient } from './api-client';
import { createMigratedDatabase, freshRedis, ownerConnection, testConfig } from './test-environment';

export const DEMO_PASSWORD = 'Demo-Passwort-2026!';

export interface TestApp {
  readonly config: AppConfig;
  readonly api: NestFastifyApplication;
  readonly owner: DataSource;
  worker?: INestApplicationContext;
  client(ip?: string): ApiClient;
  /** Logged-in client of a demo account. */
  as(email: string, ip?: string): Promise<ApiClient>;
  organizationId(name: 'Stadt Musterstadt' | 'Landkreis Beispiel'): Promise<string>;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

/** The real api (and optionally worker) on a fresh migrated database with the demo data. */
export async function startTestApp(
  name: string,
  redisDb: number,
  options: { smtpUrl?: string; mediaMaxBytes?: number; environment?: Record<string, string> } = {},
): Promise<TestApp> {
  const databaseUrl = await createMigratedDatabase(`amtsplan_it_${name}`);
  const redisUrl = await freshRedis(redisDb);
  const config = testConfig({ databaseUrl, redisUrl, smtpUrl: options.smtpUrl, mediaMaxBytes: options.mediaMaxBytes, environment: options.environment });
  const owner = await ownerConnection(databaseUrl);
  await seedDemo(owner, DEMO_PASSWORD);
  const api = await createApiApp(config, { logs: process.env['TEST_LOGS'] === '1' });
  const testApp: TestApp = {
    config,
    api,
    owner,
    client: (ip) => new ApiClient(api, ip),
    async as(email, ip) {
      const client = new ApiClient(api, ip);
      await client.login(email, DEMO_PASSWORD);
      return client;
    },
    async organizationId(orgName) {
      const rows: Array<{ id: string }> = await owner.query('SELECT id FROM organizations WHERE name = $1', [orgName]);
      return rows[0]!.id;
    },
    async startWorker() {
      testApp.worker = await startWorkerContext(config);
    },
    async close() {
      await testApp.worker?.close();
      await api.close();
      await owner.destroy();
    },
  };
  return testApp;
}

/**
 * A worker process's Nest context, started as `main.worker.ts` does, and returned once its
 * start-up pass (settling cut-off attempts, reconciling the publishing jobs) is done — that pass
 * runs beside the queue workers, so `init()` alone does not wait for it.
 */
export async function startWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { schedules: false }), { logger: false });
  await worker.init();
  await worker.get(PublishingSchedule).startUp;
  return worker;
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './app/create-api-app';
import { WorkerModule } from './app/worker.module';
import { appConfigFromProcess, ConfigError } from './config/app-config';

/**
 * api and worker in one process, for the embedded database of `npm start` (PGlite can be
 * opened by one process only). Production runs api.js and worker.js separately.
 */
async function main(): Promise<void> {
  const config = appConfigFromProcess();
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  await worker.init();
  const api = await createApiApp(config);
  await api.listen({ port: config.port, host: '0.0.0.0' });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

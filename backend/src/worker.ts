import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './app/worker.module';
import { appConfigFromProcess, ConfigError } from './config/app-config';

async function main(): Promise<void> {
  const config = appConfigFromProcess();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the BullMQ workers after their running jobs (graceful shutdown).
  app.enableShutdownHooks();
  await app.init();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

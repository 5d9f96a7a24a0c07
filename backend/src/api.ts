import 'reflect-metadata';
import { createApiApp } from './app/create-api-app';
import { appConfigFromProcess, ConfigError } from './config/app-config';

async function main(): Promise<void> {
  const config = appConfigFromProcess();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

// `npm run migration:generate [Name]`: builds a scratch database from the migrations, compares
// it with the entities and reports drift; with a Name, writes the migration for the difference.
import { spawnSync } from 'node:child_process';
import { root } from './common.mjs';
import { recreateDatabase } from './scratch-database.mjs';

const databaseUrl = await recreateDatabase('amtsplan_migration_scratch');

const result = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'backend/src/cli.ts', 'migration:generate', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_PROJECT: 'backend/tsconfig.app.json', DATABASE_URL: databaseUrl },
  },
);
process.exit(result.status ?? 1);

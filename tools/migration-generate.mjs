// `npm run migration:generate [Name]`: builds a scratch database from the migrations, compares
// it with the entities and reports drift; with a Name, writes the migration for the difference.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { Client } = require('pg');

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = 'amtsplan_migration_scratch';
const admin = new Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${scratch}`);
await admin.end();

const result = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'backend/src/cli.ts', 'migration:generate', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_PROJECT: 'backend/tsconfig.app.json', DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${scratch}` }).toString() },
  },
);
process.exit(result.status ?? 1);

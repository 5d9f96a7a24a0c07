// An empty PostgreSQL database for a tool (browser tests, drift check), on the server the tests use.
// Needs the installed `pg` package, so it is not part of common.mjs (which runs before install).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './common.mjs';

const { Client } = createRequire(join(root, 'package.json'))('pg');

export const TEST_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and creates `name`; returns its connection URL. */
export async function recreateDatabase(name, adminUrl = TEST_ADMIN_URL) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
}

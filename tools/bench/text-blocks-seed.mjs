// The data of `npm run bench:textblocks`: 500,000 text blocks, 50,000 of them in the measured
// authority and 5,000 in each of 90 others, written as the database owner with set-based SQL in
// one transaction. Every block has one approved version (so the picker finds it); titles and
// bodies are combined from a German vocabulary, so a prefix matches a realistic share of rows.
// The search vector is filled by the migration's trigger, exactly as in production, and each
// version's insert copies its title and vector onto its block for the picker (IndexTextBlockPicker).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../common.mjs';

const require = createRequire(join(root, 'package.json'));
const { Client } = require('pg');
const argon2 = require('argon2');

export const MEASURED_BLOCKS = 50_000;
export const OTHER_ORGANIZATIONS = 90;
export const BLOCKS_PER_OTHER = 5_000;
export const TOTAL_BLOCKS = MEASURED_BLOCKS + OTHER_ORGANIZATIONS * BLOCKS_PER_OTHER;
export const MEASURED_ORGANIZATION_NAME = 'Messbehörde Textbausteine';
export const BENCH_ACCOUNT = { email: 'community@textbausteine.messung.example', password: 'Messung-Passwort-2026!' };
const SEED_MARKER = 'amtsplan bench:textblocks seed v1';
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

const NOUNS = ['Abfall', 'Sperrmüll', 'Biotonne', 'Baustelle', 'Umleitung', 'Kita', 'Schule', 'Ferien', 'Bürgerbüro', 'Ausweis', 'Reisepass', 'Wohngeld', 'Parkausweis', 'Hundesteuer', 'Stadtfest', 'Wochenmarkt', 'Schwimmbad', 'Bibliothek', 'Friedhof', 'Standesamt', 'Führerschein', 'Grundsteuer', 'Straßenlaterne', 'Spielplatz', 'Radweg', 'Winterdienst', 'Glascontainer', 'Recyclinghof', 'Anmeldung', 'Kindergeld'];
const VERBS = ['beantragen', 'anmelden', 'abholen', 'melden', 'verlängern', 'buchen', 'kündigen', 'ändern', 'prüfen', 'bezahlen'];

function uuidExpression(prefix, n) {
  return `(substr(md5('${prefix}-' || ${n}), 1, 8) || '-' || substr(md5('${prefix}-' || ${n}), 9, 4) || '-4' || substr(md5('${prefix}-' || ${n}), 14, 3) || '-8' || substr(md5('${prefix}-' || ${n}), 18, 3) || '-' || substr(md5('${prefix}-' || ${n}), 21, 12))::uuid`;
}

export async function isSeeded(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT shobj_description(d.oid, 'pg_database') AS marker, (SELECT count(*) FROM text_blocks)::int AS blocks FROM pg_database d WHERE d.datname = current_database()`,
    );
    return rows[0]?.marker === SEED_MARKER && rows[0]?.blocks === TOTAL_BLOCKS;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function seed(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const steps = [];
  const step = async (name, sql, params = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    steps.push({ name, rows: result.rowCount ?? 0, seconds: (performance.now() - started) / 1000 });
  };
  try {
    await client.query('BEGIN');
    const organizations = OTHER_ORGANIZATIONS + 1;
    // Organization 0 is the measured one.
    await step('organizations', `INSERT INTO organizations (id, name, bundesland) SELECT ${uuidExpression('org', 'n')}, CASE WHEN n = 0 THEN $1 ELSE 'Behörde ' || n END, 'NW' FROM generate_series(0, $2) n`, [
      MEASURED_ORGANIZATION_NAME,
      organizations - 1,
    ]);
    const hash = await argon2.hash(BENCH_ACCOUNT.password, ARGON2_OPTIONS);
    await step('users', `INSERT INTO users (id, email, display_name, password_hash) VALUES (${uuidExpression('user', 0)}, $1, 'Community Messung', $2)`, [BENCH_ACCOUNT.email, hash]);
    await step('memberships', `INSERT INTO memberships (organization_id, user_id, role) SELECT ${uuidExpression('org', 'n')}, ${uuidExpression('user', 0)}, 'moderator' FROM generate_series(0, $1) n`, [organizations - 1]);
    await step('settings', `INSERT INTO text_block_settings (organization_id) SELECT ${uuidExpression('org', 'n')} FROM generate_series(0, $1) n`, [organizations - 1]);
    await step(
      'categories',
      `INSERT INTO text_block_categories (id, organization_id, name, position)
       SELECT ${uuidExpression('cat', "o || '-' || c")}, ${uuidExpression('org', 'o')}, 'Kategorie ' || c, c FROM generate_series(0, $1) o, generate_series(1, 12) c`,
      [organizations - 1],
    );
    // Block i belongs to organization 0 for i < MEASURED_BLOCKS, else to 1 + (i - MEASURED_BLOCKS) / BLOCKS_PER_OTHER.
    const org = `CASE WHEN i < ${MEASURED_BLOCKS} THEN 0 ELSE 1 + (i - ${MEASURED_BLOCKS}) / ${BLOCKS_PER_OTHER} END`;
    await step(
      'text_blocks',
      `INSERT INTO text_blocks (id, organization_id, short_code, owner_user_id, tags, latest_version_id, approved_version_id, usage_count, created_by_user_id)
       SELECT ${uuidExpression('block', 'i')}, ${uuidExpression('org', org)},
              lower(($1::text[])[1 + i % 30]) || '-' || i, ${uuidExpression('user', 0)}, ARRAY[lower(($1::text[])[1 + i % 30])],
              ${uuidExpression('version', 'i')}, ${uuidExpression('version', 'i')}, i % 50, ${uuidExpression('user', 0)}
         FROM generate_series(0, $2) i`,
      [NOUNS, TOTAL_BLOCKS - 1],
    );
    await step(
      'text_block_versions',
      `INSERT INTO text_block_versions (id, organization_id, text_block_id, number, title, body_sie, category_id, status, submitted, author_user_id)
       SELECT ${uuidExpression('version', 'i')}, ${uuidExpression('org', org)}, ${uuidExpression('block', 'i')}, 1,
              ($1::text[])[1 + i % 30] || ' ' || ($2::text[])[1 + (i / 30) % 10] || ' (' || i || ')',
              'Hallo {{name}}, zum Thema ' || ($1::text[])[1 + (i * 7) % 30] || ' finden Sie alles hier: {{link}}. ' || ($1::text[])[1 + (i * 13) % 30] || ' können Sie online ' || ($2::text[])[1 + i % 10] || '.',
              ${uuidExpression('cat', `(${org}) || '-' || (1 + i % 12)`)}, 'approved', true, ${uuidExpression('user', 0)}
         FROM generate_series(0, $3) i`,
      [NOUNS, VERBS, TOTAL_BLOCKS - 1],
    );
    await client.query(`COMMENT ON DATABASE ${client.database} IS '${SEED_MARKER}'`);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { steps };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

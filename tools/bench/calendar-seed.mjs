// The data of `npm run bench:calendar`: 1,000 authorities with 1,000 posts each (1M posts),
// written as the database owner with set-based SQL (generate_series), in one transaction so
// that an interrupted seed never looks complete. Ids are derived from the row numbers
// (md5 → uuid), so posts, variants and channels refer to each other without lookups.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../common.mjs';

const require = createRequire(join(root, 'package.json'));
const { Client } = require('pg');
const argon2 = require('argon2');

export const ORGANIZATIONS = 1000;
export const POSTS_PER_ORGANIZATION = 1000;
/** The authority whose month is read; its editor has a known password. */
export const MEASURED_ORGANIZATION = 500;
export const BENCH_ACCOUNT = {
  email: `redaktion-${pad(MEASURED_ORGANIZATION)}@messung.amtsplan.example`,
  password: 'Messung-Passwort-2026!',
};
/**
 * Posts start on 1 January 2026 (Berlin) and follow each other every 7.2 hours, so 1,000 posts
 * cover 300 days (~10 months) and a 31-day month holds about 103 of them. Every tenth post is
 * planned by day only (planned_date), so the list query's day branch is exercised too.
 */
const FIRST_POST = '2026-01-01 00:00 Europe/Berlin';
export const MEASURED_MONTH = { from: '2026-05-01T00:00:00+02:00', to: '2026-06-01T00:00:00+02:00' };

/** Changing the seed below? Change the marker too, so that existing bench databases are reseeded. */
const SEED_MARKER = 'amtsplan bench:calendar seed v1';

/** Same parameters as backend/src/auth/password-hasher.ts (argon2id, OWASP ASVS 2.4 minimum). */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

const STATUSES = ['idea', 'draft', 'in_approval', 'changes_requested', 'approved', 'scheduled', 'published', 'failed', 'archived'];
const PLATFORMS = ['facebook', 'instagram', 'mastodon'];
const BUNDESLAENDER = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];

/** Every NOT NULL column without a default that the statements below fill, per table. */
const FILLED = {
  organizations: ['name', 'bundesland'],
  users: ['email', 'display_name'],
  memberships: ['organization_id', 'user_id', 'role'],
  channels: ['organization_id', 'platform', 'name', 'color'],
  topics: ['organization_id', 'name', 'color'],
  posts: ['organization_id', 'working_title', 'status', 'time_zone', 'author_user_id'],
  post_variants: ['post_id', 'channel_id', 'organization_id'],
};

function pad(n) {
  return String(n).padStart(4, '0');
}

/** True when the database holds exactly this seed (marker and row count); false for any error. */
export async function isSeeded(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT shobj_description(d.oid, 'pg_database') AS marker, (SELECT count(*) FROM posts)::int AS posts
         FROM pg_database d WHERE d.datname = current_database()`,
    );
    return rows[0]?.marker === SEED_MARKER && rows[0]?.posts === ORGANIZATIONS * POSTS_PER_ORGANIZATION;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Other features add columns all the time; one that is NOT NULL without a default would make
 * the inserts fail with a less helpful message, so it is named up front.
 */
async function refuseUnfilledColumns(client) {
  const { rows } = await client.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY($1) AND is_nullable = 'NO'
        AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER'`,
    [Object.keys(FILLED)],
  );
  const missing = rows.filter((r) => !FILLED[r.table_name].includes(r.column_name) && r.column_name !== 'id');
  if (missing.length) {
    throw new Error(
      `The schema has NOT NULL columns without default that tools/bench/calendar-seed.mjs does not fill: ` +
        `${missing.map((r) => `${r.table_name}.${r.column_name}`).join(', ')}. Add them to the seed (and to FILLED).`,
    );
  }
}

/**
 * Foreign-key checks are most of the insert time (two per post, two per variant) and the rows
 * are consistent by construction, so they are skipped with session_replication_role = replica.
 * That mode would also silence ordinary triggers; should a feature add one to these tables
 * (derived data), the seed keeps all checks on rather than write rows that lack it. The change
 * notifications for the api's read caches (`*_notify_*`) derive nothing: silencing them is
 * harmless (the benchmark's api starts after the seed, with empty caches).
 */
async function skipForeignKeyChecksIfSafe(client) {
  const { rows } = await client.query(
    `SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger
      WHERE NOT tgisinternal AND tgname NOT LIKE '%\\_notify\\_%' AND tgrelid = ANY(SELECT oid FROM pg_class WHERE relname = ANY($1) AND relnamespace = 'public'::regnamespace)`,
    [Object.keys(FILLED)],
  );
  if (rows.length) return `foreign-key checks kept: the tables have triggers (${rows.map((r) => `${r.table}.${r.name}`).join(', ')})`;
  const [{ rolsuper: superuser }] = (await client.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows;
  if (!superuser) return 'foreign-key checks kept: skipping them needs a superuser';
  await client.query(`SET LOCAL session_replication_role = replica`);
  return 'foreign-key checks skipped (rows consistent by construction)';
}

/** Seeds, ANALYZEs and returns the seconds each step took (and how foreign keys were handled). */
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
    await refuseUnfilledColumns(client);
    const passwordHash = await argon2.hash(BENCH_ACCOUNT.password, ARGON2_OPTIONS);
    const organizations = `generate_series(1, ${ORGANIZATIONS}) AS o`;
    await client.query('BEGIN');
    // Large sorts for the index builds of the bulk insert; this session only.
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const note = await skipForeignKeyChecksIfSafe(client);
    await step(
      'organizations',
      `INSERT INTO organizations (id, name, bundesland, time_zone)
       SELECT md5('org-' || o)::uuid, 'Messbehörde ' || lpad(o::text, 4, '0'), ($1::text[])[1 + o % 16], 'Europe/Berlin'
         FROM ${organizations}`,
      [BUNDESLAENDER],
    );
    await step(
      'users',
      `INSERT INTO users (id, email, display_name, password_hash)
       SELECT md5('user-' || o)::uuid, 'redaktion-' || lpad(o::text, 4, '0') || '@messung.amtsplan.example',
              'Redaktion ' || lpad(o::text, 4, '0'), CASE WHEN o = $1 THEN $2 END
         FROM ${organizations}`,
      [MEASURED_ORGANIZATION, passwordHash],
    );
    await step(
      'memberships',
      `INSERT INTO memberships (id, organization_id, user_id, role)
       SELECT md5('membership-' || o)::uuid, md5('org-' || o)::uuid, md5('user-' || o)::uuid, 'editor' FROM ${organizations}`,
    );
    await step(
      'channels',
      `INSERT INTO channels (id, organization_id, platform, name, handle, color)
       SELECT md5('channel-' || o || '-' || c)::uuid, md5('org-' || o)::uuid, ($1::text[])[c + 1], initcap(($1::text[])[c + 1]),
              '@messbehoerde' || o, ($2::text[])[c + 1]
         FROM ${organizations}, generate_series(0, 2) AS c`,
      [PLATFORMS, ['#1877f2', '#c13584', '#6364ff']],
    );
    await step(
      'topics',
      `INSERT INTO topics (id, organization_id, name, color)
       SELECT md5('topic-' || o || '-' || t)::uuid, md5('org-' || o)::uuid, ($1::text[])[t + 1], ($2::text[])[t + 1]
         FROM ${organizations}, generate_series(0, 1) AS t`,
      [['Verkehr', 'Kultur'], ['#2e7d32', '#6a1b9a']],
    );
    await step(
      'posts',
      `INSERT INTO posts (id, organization_id, working_title, text, status, planned_at, planned_date, time_zone,
                          topic_id, tags, responsible_user_id, author_user_id, checklist)
       SELECT md5('post-' || o || '-' || p)::uuid, md5('org-' || o)::uuid,
              'Beitrag ' || p || ' der Messbehörde ' || o,
              'Die Stadtverwaltung informiert: Ab Montag gelten neue Öffnungszeiten im Bürgerbüro (Beitrag ' || p || '). '
                || 'Termine können online oder telefonisch vereinbart werden. Bitte bringen Sie Ihren Ausweis mit. '
                || 'Weitere Informationen finden Sie auf unserer Website. #Bürgerservice #Verwaltung',
              ($1::text[])[1 + p % 9],
              CASE WHEN p % 10 <> 0 THEN at END,
              CASE WHEN p % 10 = 0 THEN (at AT TIME ZONE 'Europe/Berlin')::date END,
              'Europe/Berlin',
              CASE WHEN p % 3 = 0 THEN NULL ELSE md5('topic-' || o || '-' || (p % 2))::uuid END,
              ARRAY['messung', 'thema-' || (p % 7)],
              md5('user-' || o)::uuid, md5('user-' || o)::uuid,
              '[{"label": "Bildrechte geklärt", "done": true}, {"label": "Einwilligung abgebildeter Personen liegt vor", "done": false}]'::jsonb
         FROM ${organizations}, generate_series(0, ${POSTS_PER_ORGANIZATION - 1}) AS p,
              LATERAL (SELECT $2::timestamptz + p * interval '7 hours 12 minutes' + (o % 60) * interval '1 minute' AS at) AS planned`,
      [STATUSES, FIRST_POST],
    );
    // One variant per post, a second on every other post: 1.5 rows per post.
    await step(
      'post_variants',
      `INSERT INTO post_variants (post_id, channel_id, organization_id, text, position)
       SELECT md5('post-' || o || '-' || p)::uuid, md5('channel-' || o || '-' || ((p + k) % 3))::uuid, md5('org-' || o)::uuid,
              CASE WHEN k = 1 THEN 'Kurzfassung für ' || ($1::text[])[(p + k) % 3 + 1] END, k
         FROM ${organizations}, generate_series(0, ${POSTS_PER_ORGANIZATION - 1}) AS p, generate_series(0, 1) AS k
        WHERE k = 0 OR p % 2 = 0`,
      [PLATFORMS],
    );
    await client.query(`COMMENT ON DATABASE ${client.database} IS '${SEED_MARKER}'`);
    await client.query('COMMIT');
    // VACUUM includes ANALYZE and also sets the visibility map and hint bits, as autovacuum
    // would soon after a real bulk import; otherwise the first reads would pay for that.
    await step('VACUUM (ANALYZE)', 'VACUUM (ANALYZE)');
    return { steps, note };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

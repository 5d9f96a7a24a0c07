// The data of `npm run bench:inbox`: 200,000 inbox items in the measured authority and 25,000 in
// each of four others, written as the database owner with set-based SQL in one transaction.
// A year of comments and messages (one every 158 s), a realistic mix: the last two days mostly
// still open, older items mostly answered or closed with a small open backlog; categories,
// channels, kinds and assignees spread as in a busy social media team.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../common.mjs';

const require = createRequire(join(root, 'package.json'));
const { Client } = require('pg');
const argon2 = require('argon2');

export const MEASURED_ITEMS = 200_000;
export const OTHER_ORGANIZATIONS = 4;
export const ITEMS_PER_OTHER = 25_000;
export const TOTAL_ITEMS = MEASURED_ITEMS + OTHER_ORGANIZATIONS * ITEMS_PER_OTHER;
export const MEASURED_ORGANIZATION_NAME = 'Messbehörde Posteingang';
export const BENCH_ACCOUNT = { email: 'community@posteingang.messung.example', password: 'Messung-Passwort-2026!' };
/** Channels per authority: the list's channel filter picks one of them. */
export const CHANNELS = ['facebook', 'instagram', 'mastodon', 'youtube'];
const COLLEAGUES = 5;
const SEED_MARKER = 'amtsplan bench:inbox seed v2';
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };
/** One item every 157.68 s: 200,000 items are one year. */
/** A deterministic version-4 UUID from a text (md5 with the version and variant digits set). */
function uuid(text) {
  return `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
}
const SECONDS_PER_ITEM = (365 * 24 * 3600) / MEASURED_ITEMS;

export async function isSeeded(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT shobj_description(d.oid, 'pg_database') AS marker, (SELECT count(*) FROM inbox_items)::int AS items FROM pg_database d WHERE d.datname = current_database()`,
    );
    return rows[0]?.marker === SEED_MARKER && rows[0]?.items === TOTAL_ITEMS;
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
    // Organization 0 is the measured one.
    const organizations = `generate_series(0, ${OTHER_ORGANIZATIONS}) AS o`;
    await step('organizations', `INSERT INTO organizations (id, name, bundesland) SELECT ${uuid("'inbox-org-' || o")}, CASE WHEN o = 0 THEN $1 ELSE 'Behörde ' || o END, 'NW' FROM ${organizations}`, [
      MEASURED_ORGANIZATION_NAME,
    ]);
    const hash = await argon2.hash(BENCH_ACCOUNT.password, ARGON2_OPTIONS);
    // User 0 measures (editor everywhere); 1–5 are colleagues items get assigned to; 6 is a Fachbereich.
    await step(
      'users',
      `INSERT INTO users (id, email, display_name, password_hash)
       SELECT ${uuid("'inbox-user-' || u")}, CASE WHEN u = 0 THEN $1 ELSE 'kollegin-' || u || '@posteingang.messung.example' END,
              CASE WHEN u = 0 THEN 'Community Messung' WHEN u = 6 THEN 'Fachbereich Ordnungsamt' ELSE 'Kollegin ' || u END,
              CASE WHEN u = 0 THEN $2 END
         FROM generate_series(0, ${COLLEAGUES + 1}) AS u`,
      [BENCH_ACCOUNT.email, hash],
    );
    await step(
      'memberships',
      `INSERT INTO memberships (organization_id, user_id, role)
       SELECT ${uuid("'inbox-org-' || o")}, ${uuid("'inbox-user-0'")}, 'editor' FROM ${organizations}
       UNION ALL SELECT ${uuid("'inbox-org-0'")}, ${uuid("'inbox-user-' || u")}, CASE WHEN u = ${COLLEAGUES + 1} THEN 'contributor' ELSE 'editor' END
         FROM generate_series(1, ${COLLEAGUES + 1}) AS u`,
    );
    await step(
      'channels',
      `INSERT INTO channels (id, organization_id, platform, name, handle, color)
       SELECT ${uuid("'inbox-channel-' || o || '-' || c")}, ${uuid("'inbox-org-' || o")}, ($1::text[])[c + 1], initcap(($1::text[])[c + 1]), '@messbehoerde' || o, '#1877f2'
         FROM ${organizations}, generate_series(0, ${CHANNELS.length - 1}) AS c`,
      [CHANNELS],
    );
    // Item n of an authority is n · 157.68 s old. Status by age: the last two days (n < 1,096)
    // half new, the rest assigned, with the Fachbereich, escalated or answered; older items
    // answered (70 %), closed without reply (10 %), hidden (6 %), with an open backlog of 6 %.
    await step(
      'inbox_items',
      `INSERT INTO inbox_items (id, organization_id, kind, channel_id, source, external_id, author_handle, author_display_name, text,
                                received_at, category, priority, status, assignee_user_id, department, department_user_id,
                                response_due_at, first_response_at)
       SELECT ${uuid("'inbox-item-' || o || '-' || n")}, ${uuid("'inbox-org-' || o")},
              CASE WHEN n % 5 = 0 THEN 'message' WHEN n % 23 = 0 THEN 'mention' ELSE 'comment' END,
              ${uuid(`'inbox-channel-' || o || '-' || (n % ${CHANNELS.length})`)}, 'import', 'ext-' || o || '-' || n,
              '@buerger' || (n % 5000), 'Bürger:in ' || (n % 5000),
              CASE n % 4 WHEN 0 THEN 'Wann hat das Bürgerbüro am Samstag geöffnet? (' || n || ')'
                         WHEN 1 THEN 'Die Baustelle in der Hauptstraße sorgt seit Wochen für Stau. (' || n || ')'
                         WHEN 2 THEN 'Danke für die schnelle Hilfe beim Sperrmüll! (' || n || ')'
                         ELSE 'Wo kann ich meinen Reisepass abholen? (' || n || ')' END,
              at,
              CASE WHEN n % 20 < 7 THEN 'question' WHEN n % 20 < 10 THEN 'complaint' WHEN n % 20 < 12 THEN 'praise'
                   WHEN n % 20 < 14 THEN 'suggestion' WHEN n % 20 = 14 THEN 'hate' WHEN n % 20 = 15 THEN 'spam'
                   WHEN n % 20 < 18 THEN 'other' END,
              CASE WHEN n % 20 = 14 THEN 'high' WHEN n % 20 = 15 THEN 'low' ELSE 'normal' END,
              status,
              CASE WHEN status IN ('assigned', 'with_department', 'escalated', 'answered') THEN ${uuid(`'inbox-user-' || (1 + n % ${COLLEAGUES})`)} END,
              CASE WHEN status = 'with_department' THEN 'Ordnungsamt' END,
              CASE WHEN status = 'with_department' AND o = 0 THEN ${uuid(`'inbox-user-${COLLEAGUES + 1}'`)} END,
              at + interval '24 hours',
              CASE WHEN status = 'answered' THEN at + interval '3 hours' END
         FROM ${organizations}, generate_series(0, CASE WHEN o = 0 THEN ${MEASURED_ITEMS - 1} ELSE ${ITEMS_PER_OTHER - 1} END) AS n,
              LATERAL (SELECT now() - n * interval '${SECONDS_PER_ITEM} seconds' - o * interval '1 minute' AS at) AS received,
              LATERAL (SELECT CASE
                WHEN n < 1096 THEN (ARRAY['new', 'new', 'new', 'new', 'new', 'assigned', 'assigned', 'with_department', 'escalated', 'answered'])[1 + n % 10]
                WHEN n % 50 < 3 THEN (ARRAY['new', 'assigned', 'with_department'])[1 + n % 50]
                WHEN n % 17 = 0 THEN 'hidden'
                WHEN n % 10 = 9 THEN 'closed_without_reply'
                ELSE 'answered' END AS status) AS s`,
    );
    await client.query(`COMMENT ON DATABASE ${client.database} IS '${SEED_MARKER}'`);
    await client.query('COMMIT');
    await step('VACUUM (ANALYZE)', 'VACUUM (ANALYZE)');
    return { steps };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

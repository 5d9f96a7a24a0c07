import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hand-written part of the text blocks: row-level security like every tenant table, the
 * `german` full-text search (weighted tsvector kept by a trigger, GIN index), the categories
 * and settings every organization starts with, and the reminder sweep's view across
 * organizations (ids and dates only).
 */
export class SecureTextBlocks1795402100000 implements MigrationInterface {
  name = 'SecureTextBlocks1795402100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO amtsplan_app`);
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY ${table}_tenant ON ${table} FOR ALL
        USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    }
    // A submitted version is what an approval request points at: closed, never removed.
    await queryRunner.query(`REVOKE DELETE ON text_block_versions FROM amtsplan_app`);
    for (const table of SEEDED_WITH_ORGANIZATION) {
      await queryRunner.query(`CREATE POLICY ${table}_operator_create ON ${table} FOR INSERT WITH CHECK (app_is_operator())`);
    }

    // Title weighs A, the body (both forms of address) B; short codes are matched apart (prefix, btree).
    await queryRunner.query(`CREATE FUNCTION text_block_versions_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('german', coalesce(NEW.title, '')), 'A') ||
          setweight(to_tsvector('german', coalesce(NEW.body_sie, '') || ' ' || coalesce(NEW.body_du, '')), 'B');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER text_block_versions_search_vector BEFORE INSERT OR UPDATE OF title, body_sie, body_du
      ON text_block_versions FOR EACH ROW EXECUTE FUNCTION text_block_versions_search_vector()`);
    await queryRunner.query(`CREATE INDEX "IDX_text_block_versions_search" ON text_block_versions USING gin (search_vector)`);

    await queryRunner.query(`CREATE FUNCTION text_blocks_with_reminders(max_rows integer)
      RETURNS TABLE (organization_id uuid, text_block_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT b.organization_id, b.id FROM public.text_blocks b
         WHERE b.review_on IS NOT NULL OR b.valid_until IS NOT NULL
         ORDER BY LEAST(b.review_on, b.valid_until) LIMIT max_rows
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION text_blocks_with_reminders(integer) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION text_blocks_with_reminders(integer) TO amtsplan_app`);

    // Organizations that existed before: the categories and settings as they were at this migration.
    await queryRunner.query(
      `INSERT INTO text_block_categories (organization_id, name, position)
       SELECT o.id, c.name, c.position FROM organizations o CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS c(name, position)`,
      [CATEGORIES],
    );
    await queryRunner.query(`INSERT INTO text_block_settings (organization_id) SELECT o.id FROM organizations o`);

    // The owner's reminder is a notification kind of its own (text_block_due).
    await setNotificationKinds(queryRunner, [...KINDS_BEFORE, 'text_block_due']);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'text_block_due'`);
    await queryRunner.query(`DELETE FROM notification_preferences WHERE kind = 'text_block_due'`);
    await setNotificationKinds(queryRunner, KINDS_BEFORE);
    await queryRunner.query(`DROP FUNCTION text_blocks_with_reminders(integer)`);
    await queryRunner.query(`DROP INDEX "IDX_text_block_versions_search"`);
    await queryRunner.query(`DROP TRIGGER text_block_versions_search_vector ON text_block_versions`);
    await queryRunner.query(`DROP FUNCTION text_block_versions_search_vector()`);
    for (const table of SEEDED_WITH_ORGANIZATION) await queryRunner.query(`DROP POLICY ${table}_operator_create ON ${table}`);
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM amtsplan_app`);
    }
  }
}

const TABLES = ['text_block_categories', 'text_block_settings', 'text_blocks', 'text_block_versions'];

/** Written by the operator when it creates an organization (seedTextBlockDefaults). */
const SEEDED_WITH_ORGANIZATION = ['text_block_categories', 'text_block_settings'];

/** DEFAULT_TEXT_BLOCK_CATEGORIES as they were at this migration. */
const CATEGORIES = [
  'Öffnungszeiten',
  'Termine/Bürgerbüro',
  'Abfall',
  'Baustellen & Verkehr',
  'Kita & Schule',
  'Stellenangebote',
  'Veranstaltungen',
  'Datenschutz',
  'Netiquette-Hinweis',
  'Hass & Beleidigung',
  'Weiterleitung an Fachbereich',
  'Krisen-Haltungsstatement',
];

/** NOTIFICATION_KINDS before this migration. */
const KINDS_BEFORE = ['approval_requested', 'approval_reminder', 'approval_escalated', 'approval_decided', 'approval_voided', 'approval_missing', 'publish_failed', 'publish_unconfirmed', 'manual_publish_due'];

async function setNotificationKinds(queryRunner: QueryRunner, kinds: readonly string[]): Promise<void> {
  const list = kinds.map((k) => `'${k}'`).join(', ');
  for (const table of ['notifications', 'notification_preferences']) {
    await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "CHK_${table}_kind"`);
    await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "CHK_${table}_kind" CHECK (kind IN (${list}))`);
  }
}

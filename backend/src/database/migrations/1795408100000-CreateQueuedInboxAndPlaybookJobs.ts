import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = [
  'approval_requested',
  'approval_reminder',
  'approval_escalated',
  'approval_decided',
  'approval_voided',
  'approval_missing',
  'publish_failed',
  'publish_unconfirmed',
  'manual_publish_due',
  'text_block_due',
  'crisis_alert',
  'playbook_review_due',
];
const NEW_KINDS = [...OLD_KINDS, 'inbox_response_due'];

async function notificationKinds(queryRunner: QueryRunner, kinds: readonly string[]): Promise<void> {
  const list = kinds.map((k) => `'${k}'`).join(', ');
  for (const [table, constraint] of [
    ['notifications', 'CHK_notifications_kind'],
    ['notification_preferences', 'CHK_notification_preferences_kind'],
  ]) {
    await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
    await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" CHECK (kind IN (${list}))`);
  }
}

/** Definer functions for the sweeps, which run without an organization (ids only, like text_blocks_with_reminders). */
const SWEEP_FUNCTIONS: ReadonlyArray<[signature: string, definition: string]> = [
  [
    'inbox_items_awaiting_response(integer)',
    `CREATE FUNCTION inbox_items_awaiting_response(max_rows integer)
      RETURNS TABLE (organization_id uuid, item_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT i.organization_id, i.id FROM public.inbox_items i
         WHERE i.first_response_at IS NULL AND i.status IN ('new', 'assigned', 'with_department', 'escalated')
           AND i.response_due_at > now() - interval '1 day'
         ORDER BY i.response_due_at LIMIT max_rows
      $$`,
  ],
  [
    'playbooks_with_review_dates(integer)',
    `CREATE FUNCTION playbooks_with_review_dates(max_rows integer)
      RETURNS TABLE (organization_id uuid, playbook_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT p.organization_id, p.id FROM public.playbooks p
         WHERE p.next_review_on IS NOT NULL AND p.next_review_on >= current_date - 1 AND p.owner_user_id IS NOT NULL
         ORDER BY p.next_review_on LIMIT max_rows
      $$`,
  ],
  [
    'mastodon_channels_to_poll()',
    `CREATE FUNCTION mastodon_channels_to_poll()
      RETURNS TABLE (organization_id uuid, channel_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT c.organization_id, c.id FROM public.channels c JOIN public.channel_credentials k ON k.channel_id = c.id
         WHERE c.platform = 'mastodon' AND c.active
      $$`,
  ],
];

/**
 * The queued jobs of the inbox and the playbooks: the new notification kind of the response
 * clock's reminders, the Mastodon poll's state per channel (since_id, last run, error), and the
 * sweeps' definer functions. Table written by hand with grants and row-level security like
 * its neighbours.
 */
export class CreateQueuedInboxAndPlaybookJobs1795408100000 implements MigrationInterface {
  name = 'CreateQueuedInboxAndPlaybookJobs1795408100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inbox_mastodon_polls" (
      "organization_id" uuid NOT NULL,
      "channel_id" uuid NOT NULL,
      "since_id" text,
      "last_polled_at" TIMESTAMP WITH TIME ZONE,
      "last_success_at" TIMESTAMP WITH TIME ZONE,
      "last_error" text,
      "token_rejected_at" TIMESTAMP WITH TIME ZONE,
      "paused_until" TIMESTAMP WITH TIME ZONE,
      "fetched_count" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_inbox_mastodon_polls" PRIMARY KEY ("channel_id"),
      CONSTRAINT "FK_inbox_mastodon_polls_channel" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_inbox_mastodon_polls_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "IDX_inbox_mastodon_polls_organization" ON "inbox_mastodon_polls" ("organization_id")`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON inbox_mastodon_polls TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE inbox_mastodon_polls ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY inbox_mastodon_polls_tenant ON inbox_mastodon_polls FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    for (const [signature, definition] of SWEEP_FUNCTIONS) {
      await queryRunner.query(definition);
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO amtsplan_app`);
    }
    await notificationKinds(queryRunner, NEW_KINDS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'inbox_response_due'`);
    await queryRunner.query(`DELETE FROM notification_preferences WHERE kind = 'inbox_response_due'`);
    await notificationKinds(queryRunner, OLD_KINDS);
    for (const [signature] of SWEEP_FUNCTIONS) await queryRunner.query(`DROP FUNCTION ${signature}`);
    await queryRunner.query(`DROP TABLE "inbox_mastodon_polls"`);
  }
}

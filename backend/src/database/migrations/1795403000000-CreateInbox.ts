import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Posteingang: items, notes, history, replies, routing rules, evidence and settings. Tenant
 * tables with the common policy. Evidence rows are locked by a trigger; the history is
 * append-only for the app role. Every existing organization gets default settings.
 */
export class CreateInbox1795403000000 implements MigrationInterface {
  name = 'CreateInbox1795403000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"inbox_items\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"channel_id\" uuid, \"source\" text NOT NULL, \"external_id\" text, \"author_handle\" text NOT NULL, \"author_display_name\" text, \"author_profile_url\" text, \"text\" text NOT NULL, \"permalink\" text, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"post_id\" uuid, \"external_status_id\" text, \"category\" text, \"priority\" text NOT NULL DEFAULT 'normal', \"status\" text NOT NULL DEFAULT 'new', \"assignee_user_id\" uuid, \"department\" text, \"department_user_id\" uuid, \"response_due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"first_response_at\" TIMESTAMP WITH TIME ZONE, \"moderation_action\" text, \"netiquette_rule\" text, \"moderated_by_user_id\" uuid, \"personal_data_removed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_inbox_items_priority\" CHECK (priority IN ('low', 'normal', 'high')), CONSTRAINT \"CHK_inbox_items_category\" CHECK (category IS NULL OR category IN ('question', 'complaint', 'praise', 'suggestion', 'hate', 'spam', 'other')), CONSTRAINT \"CHK_inbox_items_status\" CHECK (status IN ('new', 'assigned', 'with_department', 'answered', 'closed_without_reply', 'hidden', 'escalated')), CONSTRAINT \"CHK_inbox_items_kind\" CHECK (kind IN ('comment', 'message', 'mention')), CONSTRAINT \"PK_d7d185785d28b1ad0c57d91a8be\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_items_received\" ON \"inbox_items\"  (\"organization_id\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_items_status_received\" ON \"inbox_items\"  (\"organization_id\", \"status\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_items_category_received\" ON \"inbox_items\"  (\"organization_id\", \"category\", \"received_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_items_channel_received\" ON \"inbox_items\"  (\"organization_id\", \"channel_id\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_inbox_items_channel_external\" ON \"inbox_items\"  (\"channel_id\", \"external_id\") WHERE external_id IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"inbox_notes\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"item_id\" uuid NOT NULL, \"author_user_id\" uuid NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_124f5244621b10752efa516a286\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_notes_item\" ON \"inbox_notes\"  (\"item_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"inbox_history\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"item_id\" uuid NOT NULL, \"actor_user_id\" uuid, \"action\" text NOT NULL, \"details\" jsonb NOT NULL DEFAULT '{}', \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a068524d016de22f0ea7f88a318\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_history_item\" ON \"inbox_history\"  (\"item_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"inbox_replies\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"item_id\" uuid NOT NULL, \"body\" text NOT NULL, \"state\" text NOT NULL, \"delivery\" text, \"text_block_version_id\" uuid, \"author_user_id\" uuid NOT NULL, \"external_id\" text, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_inbox_replies_delivery\" CHECK (delivery IS NULL OR delivery IN ('mastodon', 'copied')), CONSTRAINT \"CHK_inbox_replies_state\" CHECK (state IN ('draft', 'sent')), CONSTRAINT \"PK_b3cec0e38d5d925e0d5120f8c84\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_replies_sent\" ON \"inbox_replies\"  (\"organization_id\", \"sent_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_replies_item\" ON \"inbox_replies\"  (\"item_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"inbox_routing_rules\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"position\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"match_kind\" text NOT NULL, \"keyword\" text, \"channel_id\" uuid, \"category\" text, \"assignee_user_id\" uuid, \"department\" text, \"priority\" text, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_inbox_routing_rules_match\" CHECK ((match_kind = 'keyword' AND keyword IS NOT NULL) OR (match_kind = 'channel' AND channel_id IS NOT NULL)), CONSTRAINT \"PK_574931ecb41a487f8cad5e487f8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_routing_rules_organization\" ON \"inbox_routing_rules\"  (\"organization_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"inbox_evidence\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"item_id\" uuid NOT NULL, \"text\" text NOT NULL, \"author_handle\" text NOT NULL, \"author_display_name\" text, \"author_profile_url\" text, \"permalink\" text, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"time_zone\" text NOT NULL, \"context\" text NOT NULL DEFAULT '', \"knowledge_date\" date NOT NULL, \"screenshot\" bytea, \"screenshot_type\" text, \"screenshot_sha256\" text, \"content_sha256\" text NOT NULL, \"legal_hold\" boolean NOT NULL DEFAULT true, \"secured_by_user_id\" uuid NOT NULL, \"secured_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_20bbf44c1fab851bbbf69151061\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_inbox_evidence_item\" ON \"inbox_evidence\"  (\"item_id\") ");
    await queryRunner.query("CREATE TABLE \"inbox_settings\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"office_weekdays\" integer array NOT NULL DEFAULT '{1,2,3,4,5}', \"office_start\" text NOT NULL DEFAULT '08:00', \"office_end\" text NOT NULL DEFAULT '16:00', \"response_target_hours\" integer NOT NULL DEFAULT '24', \"retention_days\" integer NOT NULL DEFAULT '180', \"departments\" text array NOT NULL DEFAULT '{}', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_2e18fb5f80920b407d19a5dd3d7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_inbox_settings_organization\" ON \"inbox_settings\"  (\"organization_id\") ");
    await queryRunner.query("ALTER TABLE \"inbox_items\" ADD CONSTRAINT \"FK_aac294116c3e77ea8191b68a3d6\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_items\" ADD CONSTRAINT \"FK_30bf34c0c7a2de69a5ab3af8600\" FOREIGN KEY (\"channel_id\") REFERENCES \"channels\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_notes\" ADD CONSTRAINT \"FK_c2a766d5f1af2551b2440be82e0\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_notes\" ADD CONSTRAINT \"FK_2818849288215301ec5cba0f79a\" FOREIGN KEY (\"item_id\") REFERENCES \"inbox_items\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_history\" ADD CONSTRAINT \"FK_2f33449c29a889e9a9d11df1cb6\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_history\" ADD CONSTRAINT \"FK_7dd1c3ec6aaa3567d8e904ad806\" FOREIGN KEY (\"item_id\") REFERENCES \"inbox_items\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" ADD CONSTRAINT \"FK_253a8ff77ffe4f6ac95ac157b24\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" ADD CONSTRAINT \"FK_59ce44abb85b05cf1a433954192\" FOREIGN KEY (\"item_id\") REFERENCES \"inbox_items\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_routing_rules\" ADD CONSTRAINT \"FK_67346d4199a03777138899d7781\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_evidence\" ADD CONSTRAINT \"FK_9c6320600dba56d4fd79855318d\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_evidence\" ADD CONSTRAINT \"FK_0e63c0060b1724d01136862c033\" FOREIGN KEY (\"item_id\") REFERENCES \"inbox_items\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"inbox_settings\" ADD CONSTRAINT \"FK_31751e6b81f0fb99969d3fe87aa\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");

    for (const table of TABLES) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO amtsplan_app`);
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY ${table}_tenant ON ${table} FOR ALL
        USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    }
    // The history is a record: written once, never changed.
    await queryRunner.query(`REVOKE UPDATE, DELETE ON inbox_history FROM amtsplan_app`);
    // Evidence is locked for every role (also the table owner): only the legal hold may be
    // lifted, and a row under legal hold cannot be removed.
    await queryRunner.query(`CREATE FUNCTION inbox_evidence_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.legal_hold THEN RAISE EXCEPTION 'inbox evidence % is under legal hold', OLD.id USING ERRCODE = 'check_violation'; END IF;
          RETURN OLD;
        END IF;
        IF (to_jsonb(NEW) - 'legal_hold') IS DISTINCT FROM (to_jsonb(OLD) - 'legal_hold') THEN
          RAISE EXCEPTION 'inbox evidence % is locked against edits', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER inbox_evidence_lock BEFORE UPDATE OR DELETE ON inbox_evidence FOR EACH ROW EXECUTE FUNCTION inbox_evidence_locked()`);
    await queryRunner.query(`CREATE POLICY inbox_settings_operator_create ON inbox_settings FOR INSERT WITH CHECK (app_is_operator())`);
    await queryRunner.query(`INSERT INTO inbox_settings (organization_id) SELECT o.id FROM organizations o`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY inbox_settings_operator_create ON inbox_settings`);
    await queryRunner.query(`DROP TRIGGER inbox_evidence_lock ON inbox_evidence`);
    await queryRunner.query(`DROP FUNCTION inbox_evidence_locked()`);
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM amtsplan_app`);
    }
    await queryRunner.query("ALTER TABLE \"inbox_settings\" DROP CONSTRAINT \"FK_31751e6b81f0fb99969d3fe87aa\"");
    await queryRunner.query("ALTER TABLE \"inbox_evidence\" DROP CONSTRAINT \"FK_0e63c0060b1724d01136862c033\"");
    await queryRunner.query("ALTER TABLE \"inbox_evidence\" DROP CONSTRAINT \"FK_9c6320600dba56d4fd79855318d\"");
    await queryRunner.query("ALTER TABLE \"inbox_routing_rules\" DROP CONSTRAINT \"FK_67346d4199a03777138899d7781\"");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" DROP CONSTRAINT \"FK_59ce44abb85b05cf1a433954192\"");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" DROP CONSTRAINT \"FK_253a8ff77ffe4f6ac95ac157b24\"");
    await queryRunner.query("ALTER TABLE \"inbox_history\" DROP CONSTRAINT \"FK_7dd1c3ec6aaa3567d8e904ad806\"");
    await queryRunner.query("ALTER TABLE \"inbox_history\" DROP CONSTRAINT \"FK_2f33449c29a889e9a9d11df1cb6\"");
    await queryRunner.query("ALTER TABLE \"inbox_notes\" DROP CONSTRAINT \"FK_2818849288215301ec5cba0f79a\"");
    await queryRunner.query("ALTER TABLE \"inbox_notes\" DROP CONSTRAINT \"FK_c2a766d5f1af2551b2440be82e0\"");
    await queryRunner.query("ALTER TABLE \"inbox_items\" DROP CONSTRAINT \"FK_30bf34c0c7a2de69a5ab3af8600\"");
    await queryRunner.query("ALTER TABLE \"inbox_items\" DROP CONSTRAINT \"FK_aac294116c3e77ea8191b68a3d6\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_inbox_settings_organization\"");
    await queryRunner.query("DROP TABLE \"inbox_settings\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_evidence_item\"");
    await queryRunner.query("DROP TABLE \"inbox_evidence\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_routing_rules_organization\"");
    await queryRunner.query("DROP TABLE \"inbox_routing_rules\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_replies_item\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_replies_sent\"");
    await queryRunner.query("DROP TABLE \"inbox_replies\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_history_item\"");
    await queryRunner.query("DROP TABLE \"inbox_history\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_notes_item\"");
    await queryRunner.query("DROP TABLE \"inbox_notes\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_inbox_items_channel_external\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_items_channel_received\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_items_category_received\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_items_status_received\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_inbox_items_received\"");
    await queryRunner.query("DROP TABLE \"inbox_items\"");
  }
}

const TABLES = ['inbox_items', 'inbox_notes', 'inbox_history', 'inbox_replies', 'inbox_routing_rules', 'inbox_evidence', 'inbox_settings'];

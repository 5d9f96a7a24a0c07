import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['playbooks', 'playbook_versions', 'incidents', 'incident_timeline_entries'];
const OLD_KINDS = ['approval_requested', 'approval_reminder', 'approval_escalated', 'approval_decided', 'approval_voided', 'approval_missing', 'publish_failed', 'publish_unconfirmed', 'manual_publish_due', 'text_block_due'];
const NEW_KINDS = [...OLD_KINDS, 'crisis_alert', 'playbook_review_due'];

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

/**
 * Shitstorm playbooks and crisis mode: playbooks with versioned content (hash and sign-off
 * status), incidents (and drills) with their timeline, the posts' marks of a lifted
 * Kommunikationsstopp, and the two new notification kinds. Tables generated from the entities;
 * grants and row-level security written by hand below (the pattern of CreateApprovals). A
 * timeline entry is never changed or removed: it is what the incident report is made of.
 */
export class CreateCrisisMode1795404000000 implements MigrationInterface {
  name = 'CreateCrisisMode1795404000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"incidents\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"title\" text NOT NULL, \"reason\" text NOT NULL, \"level\" integer NOT NULL, \"status\" text NOT NULL, \"drill\" boolean NOT NULL DEFAULT false, \"drill_stop\" boolean NOT NULL DEFAULT false, \"drill_wave\" jsonb NOT NULL DEFAULT '[]', \"playbook_id\" uuid, \"playbook_version_number\" integer, \"content\" jsonb NOT NULL, \"owner_user_id\" uuid, \"declared_by_user_id\" uuid, \"declared_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, \"checklist\" jsonb NOT NULL DEFAULT '[]', \"contacts_alerted\" jsonb NOT NULL DEFAULT '[]', \"review\" jsonb, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_incidents_level\" CHECK (level BETWEEN 0 AND 6), CONSTRAINT \"CHK_incidents_status\" CHECK (status IN ('declared', 'active', 'ended', 'reviewed')), CONSTRAINT \"PK_ccb34c01719889017e2246469f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_incidents_organization_status\" ON \"incidents\"  (\"organization_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"incident_timeline_entries\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"incident_id\" uuid NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), \"kind\" text NOT NULL, \"text\" text NOT NULL, \"actor_user_id\" uuid, \"details\" jsonb NOT NULL DEFAULT '{}', CONSTRAINT \"PK_41e0f8cba5ce737be506c445d65\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_incident_timeline_entries_incident\" ON \"incident_timeline_entries\"  (\"incident_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"playbooks\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"template_key\" text, \"owner_user_id\" uuid, \"last_reviewed_on\" date, \"next_review_on\" date, \"review_reminded_for\" date, \"current_version_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_700979398c237ee843f513f51ce\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_playbooks_organization\" ON \"playbooks\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"playbook_versions\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"playbook_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"content\" jsonb NOT NULL, \"content_hash\" text NOT NULL, \"status\" text NOT NULL, \"created_by_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"approved_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"CHK_playbook_versions_status\" CHECK (status IN ('draft', 'in_approval', 'approved')), CONSTRAINT \"PK_371eb82dd51f03fe849a6cf9fe6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_playbook_versions_number\" ON \"playbook_versions\"  (\"playbook_id\", \"number\") ");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"publish_released_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"publish_paused_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"incidents\" ADD CONSTRAINT \"FK_fbabc7192bfdb38bb6c2d0f7775\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"incident_timeline_entries\" ADD CONSTRAINT \"FK_f60c4bd381fcc07206089b5620a\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"incident_timeline_entries\" ADD CONSTRAINT \"FK_77376b69619500185a02489939b\" FOREIGN KEY (\"incident_id\") REFERENCES \"incidents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"playbooks\" ADD CONSTRAINT \"FK_bc94e9eb46821ac889e0eb8ff8c\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"playbook_versions\" ADD CONSTRAINT \"FK_e1e93051fc02e63431ae00dc032\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"playbook_versions\" ADD CONSTRAINT \"FK_589e5e3bd9f1023d9d750405be8\" FOREIGN KEY (\"playbook_id\") REFERENCES \"playbooks\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    for (const table of TABLES) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO amtsplan_app`);
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY ${table}_tenant ON ${table} FOR ALL
        USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    }
    await queryRunner.query(`REVOKE UPDATE, DELETE ON incident_timeline_entries FROM amtsplan_app`);
    await notificationKinds(queryRunner, NEW_KINDS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind IN ('crisis_alert', 'playbook_review_due')`);
    await queryRunner.query(`DELETE FROM notification_preferences WHERE kind IN ('crisis_alert', 'playbook_review_due')`);
    await notificationKinds(queryRunner, OLD_KINDS);
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM amtsplan_app`);
    }
    await queryRunner.query("ALTER TABLE \"playbook_versions\" DROP CONSTRAINT \"FK_589e5e3bd9f1023d9d750405be8\"");
    await queryRunner.query("ALTER TABLE \"playbook_versions\" DROP CONSTRAINT \"FK_e1e93051fc02e63431ae00dc032\"");
    await queryRunner.query("ALTER TABLE \"playbooks\" DROP CONSTRAINT \"FK_bc94e9eb46821ac889e0eb8ff8c\"");
    await queryRunner.query("ALTER TABLE \"incident_timeline_entries\" DROP CONSTRAINT \"FK_77376b69619500185a02489939b\"");
    await queryRunner.query("ALTER TABLE \"incident_timeline_entries\" DROP CONSTRAINT \"FK_f60c4bd381fcc07206089b5620a\"");
    await queryRunner.query("ALTER TABLE \"incidents\" DROP CONSTRAINT \"FK_fbabc7192bfdb38bb6c2d0f7775\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"publish_paused_at\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"publish_released_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_playbook_versions_number\"");
    await queryRunner.query("DROP TABLE \"playbook_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_playbooks_organization\"");
    await queryRunner.query("DROP TABLE \"playbooks\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_incident_timeline_entries_incident\"");
    await queryRunner.query("DROP TABLE \"incident_timeline_entries\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_incidents_organization_status\"");
    await queryRunner.query("DROP TABLE \"incidents\"");
  }
}

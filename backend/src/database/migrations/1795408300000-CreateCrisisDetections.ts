import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = ['approval_requested', 'approval_reminder', 'approval_escalated', 'approval_decided', 'approval_voided', 'approval_missing', 'publish_failed', 'publish_unconfirmed', 'manual_publish_due', 'text_block_due', 'crisis_alert', 'playbook_review_due', 'inbox_response_due'];
const NEW_KINDS = [...OLD_KINDS, 'crisis_suspected'];

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

/** Tables whose changes the open crisis pages and the banner follow live (channel `amtsplan_crisis`). */
const CRISIS_TABLES = ['incidents', 'incident_timeline_entries', 'crisis_detections'];

/**
 * Shitstorm detection (decision 0021): the „Möglicher Shitstorm“ alerts with their evidence, the
 * notification kind `crisis_suspected`, the function the detection sweep finds organizations
 * with recent inbox arrivals through (row-level security hides them from the app role; owner's
 * rights, ids only), and the live feed of crisis changes: on commit, `amtsplan_crisis` carries
 * the organization id whenever an incident, its timeline, an alert or the Kommunikationsstopp
 * changed. Table generated from the entity; grants, row-level security and triggers by hand.
 */
export class CreateCrisisDetections1795408300000 implements MigrationInterface {
  name = 'CreateCrisisDetections1795408300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "crisis_detections" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "suggested_level" integer NOT NULL, "level_name" text NOT NULL, "playbook_id" uuid, "playbook_version_number" integer, "window_minutes" integer NOT NULL, "channels" jsonb NOT NULL DEFAULT '[]', "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" text NOT NULL DEFAULT 'open', "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "incident_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_crisis_detections_level" CHECK (suggested_level BETWEEN 1 AND 6), CONSTRAINT "CHK_crisis_detections_status" CHECK (status IN ('open', 'dismissed', 'declared')), CONSTRAINT "PK_5f64c18f88dc23f6ddc5c81fd22" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_crisis_detections_organization_detected" ON "crisis_detections"  ("organization_id", "detected_at") `);
    await queryRunner.query(`ALTER TABLE "crisis_detections" ADD CONSTRAINT "FK_2891c807864f620b5b456db5f3c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "crisis_detections" ADD CONSTRAINT "FK_98a85bba624b4297210578977b6" FOREIGN KEY ("playbook_id") REFERENCES "playbooks"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "crisis_detections" ADD CONSTRAINT "FK_add99f7da16fbb217ac4ab0b923" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON crisis_detections TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE crisis_detections ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY crisis_detections_tenant ON crisis_detections FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    await notificationKinds(queryRunner, NEW_KINDS);

    await queryRunner.query(`CREATE FUNCTION crisis_detection_due(window_minutes integer)
      RETURNS TABLE (organization_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT DISTINCT i.organization_id FROM public.inbox_items i
         WHERE i.received_at > now() - make_interval(mins => window_minutes) AND i.received_at <= now()
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION crisis_detection_due(integer) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION crisis_detection_due(integer) TO amtsplan_app`);

    await queryRunner.query(`CREATE FUNCTION "notify_crisis_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'organizations' THEN
          PERFORM pg_notify('amtsplan_crisis', NEW.id::text);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('amtsplan_crisis', OLD.organization_id::text);
        ELSE
          PERFORM pg_notify('amtsplan_crisis', NEW.organization_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of CRISIS_TABLES) {
      await queryRunner.query(`CREATE TRIGGER "${table}_notify_crisis_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "notify_crisis_change"()`);
    }
    await queryRunner.query(`CREATE TRIGGER "organizations_notify_crisis_change" AFTER UPDATE ON "organizations"
      FOR EACH ROW WHEN (OLD.communication_stop IS DISTINCT FROM NEW.communication_stop) EXECUTE FUNCTION "notify_crisis_change"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "organizations_notify_crisis_change" ON "organizations"`);
    for (const table of CRISIS_TABLES) await queryRunner.query(`DROP TRIGGER "${table}_notify_crisis_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "notify_crisis_change"()`);
    await queryRunner.query(`DROP FUNCTION crisis_detection_due(integer)`);
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'crisis_suspected'`);
    await queryRunner.query(`DELETE FROM notification_preferences WHERE kind = 'crisis_suspected'`);
    await notificationKinds(queryRunner, OLD_KINDS);
    await queryRunner.query(`DROP POLICY crisis_detections_tenant ON crisis_detections`);
    await queryRunner.query(`DROP TABLE "crisis_detections"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (the bell) and the per-person e-mail choice per kind.
 *
 * `notifications` is a tenant table with its own policies: a row is written in its
 * organization's scope for a member of that organization, and read or marked read only by its
 * recipient while still a member. The writer cannot read back what it wrote for others (the
 * Notifier chooses the ids itself). The app may change only `read_at` and `email_status`, and
 * never deletes.
 * `notification_preferences` belongs to the person, not to an organization; the Notifier reads
 * the choices of the members of the organization it writes for.
 * On commit, every change of a person's notifications (new, read, removed) is announced on
 * `amtsplan_notifications` with the recipient's id, for the live stream of every api process.
 * `notification_mails_due` lists (ids only, across organizations) mails that are due but may
 * have lost their queue job; the worker's sweep re-enqueues them.
 * Written by hand around the generated tables: TypeORM does not generate grants, policies,
 * functions or triggers.
 */
export class CreateNotifications1795400700000 implements MigrationInterface {
  name = 'CreateNotifications1795400700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "email" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_notification_preferences_kind" CHECK (kind IN ('approval_requested', 'approval_reminder', 'approval_escalated', 'approval_decided', 'approval_voided', 'approval_missing', 'publish_failed', 'publish_unconfirmed', 'manual_publish_due')), CONSTRAINT "PK_4beeeb46feaf58d75e124c8ba58" PRIMARY KEY ("user_id", "kind"))`);
    await queryRunner.query(`CREATE TABLE "notifications" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "dedupe_key" text, "email_status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_notifications_email_status" CHECK (email_status IN ('none', 'due', 'sent', 'skipped')), CONSTRAINT "CHK_notifications_kind" CHECK (kind IN ('approval_requested', 'approval_reminder', 'approval_escalated', 'approval_decided', 'approval_voided', 'approval_missing', 'publish_failed', 'publish_unconfirmed', 'manual_publish_due')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_email_due" ON "notifications"  ("created_at") WHERE email_status = 'due'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notifications_recipient_dedupe_key" ON "notifications"  ("recipient_user_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_recipient_unread" ON "notifications"  ("recipient_user_id") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_recipient_created" ON "notifications"  ("recipient_user_id", "created_at", "id") `);
    await queryRunner.query(`ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_cb7b1fb018b296f2107e998b2ff" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_2726bde496d82b6401532ab1477" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`GRANT SELECT, INSERT ON notifications TO amtsplan_app`);
    await queryRunner.query(`GRANT UPDATE (read_at, email_status) ON notifications TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE notifications ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY notifications_recipient_read ON notifications FOR SELECT USING (${OWN_NOTIFICATION})`);
    await queryRunner.query(`CREATE POLICY notifications_recipient_update ON notifications FOR UPDATE USING (${OWN_NOTIFICATION}) WITH CHECK (${OWN_NOTIFICATION})`);
    await queryRunner.query(`CREATE POLICY notifications_create ON notifications FOR INSERT WITH CHECK (
      organization_id = app_current_organization()
      AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = notifications.organization_id AND m.user_id = notifications.recipient_user_id))`);

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preferences TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY notification_preferences_own ON notification_preferences FOR ALL
      USING (user_id = app_current_user()) WITH CHECK (user_id = app_current_user())`);
    await queryRunner.query(`CREATE POLICY notification_preferences_members ON notification_preferences FOR SELECT USING (
      EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = notification_preferences.user_id AND m.organization_id = app_current_organization()))`);

    await queryRunner.query(`CREATE FUNCTION "notify_notification_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('amtsplan_notifications', OLD.recipient_user_id::text);
        ELSE
          PERFORM pg_notify('amtsplan_notifications', NEW.recipient_user_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "notifications_notify_change" AFTER INSERT OR DELETE OR UPDATE OF read_at ON "notifications"
      FOR EACH ROW EXECUTE FUNCTION "notify_notification_change"()`);

    await queryRunner.query(`CREATE FUNCTION notification_mails_due(min_age interval, max_age interval, max_rows integer)
      RETURNS TABLE (organization_id uuid, notification_id uuid, recipient_user_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT n.organization_id, n.id, n.recipient_user_id FROM public.notifications n
         WHERE n.email_status = 'due' AND n.created_at <= now() - min_age AND n.created_at > now() - max_age
         ORDER BY n.created_at LIMIT max_rows
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION notification_mails_due(interval, interval, integer) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION notification_mails_due(interval, interval, integer) TO amtsplan_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION notification_mails_due(interval, interval, integer)`);
    await queryRunner.query(`DROP TRIGGER "notifications_notify_change" ON "notifications"`);
    await queryRunner.query(`DROP FUNCTION "notify_notification_change"()`);
    await queryRunner.query(`DROP POLICY notification_preferences_members ON notification_preferences`);
    await queryRunner.query(`DROP POLICY notification_preferences_own ON notification_preferences`);
    await queryRunner.query(`ALTER TABLE notification_preferences DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON notification_preferences FROM amtsplan_app`);
    await queryRunner.query(`DROP POLICY notifications_create ON notifications`);
    await queryRunner.query(`DROP POLICY notifications_recipient_update ON notifications`);
    await queryRunner.query(`DROP POLICY notifications_recipient_read ON notifications`);
    await queryRunner.query(`ALTER TABLE notifications DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON notifications FROM amtsplan_app`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_2726bde496d82b6401532ab1477"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_cb7b1fb018b296f2107e998b2ff"`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_recipient_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_recipient_unread"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notifications_recipient_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_email_due"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
  }
}

/** The current user's notification, in an organization the user still belongs to. */
const OWN_NOTIFICATION = `recipient_user_id = app_current_user()
  AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = notifications.organization_id AND m.user_id = app_current_user())`;

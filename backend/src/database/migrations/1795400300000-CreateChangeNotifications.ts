import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change notifications for the api's read caches (backend/src/read-cache): on commit,
 * PostgreSQL tells every listening process which organization's plan changed
 * (`amtsplan_plan`, payload: organization id) and that sessions, users or memberships changed
 * (`amtsplan_access`). Notifications of a rolled-back transaction are never sent; identical
 * ones in one transaction are sent once. Written by hand: TypeORM does not generate triggers.
 */
export class CreateChangeNotifications1795400300000 implements MigrationInterface {
  name = 'CreateChangeNotifications1795400300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_plan_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('amtsplan_plan', OLD.organization_id::text);
        ELSE
          PERFORM pg_notify('amtsplan_plan', NEW.organization_id::text);
          IF TG_OP = 'UPDATE' AND NEW.organization_id IS DISTINCT FROM OLD.organization_id THEN
            PERFORM pg_notify('amtsplan_plan', OLD.organization_id::text);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION "notify_access_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('amtsplan_access', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of PLAN_TABLES) {
      await queryRunner.query(`CREATE TRIGGER "${table}_notify_plan_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "notify_plan_change"()`);
    }
    // Sessions: a new one changes nothing cached, and last_seen_at is written once a minute;
    // only an ended session (logout, expiry) must be forgotten.
    await queryRunner.query(`CREATE TRIGGER "sessions_notify_access_change" AFTER DELETE ON "sessions"
      FOR EACH STATEMENT EXECUTE FUNCTION "notify_access_change"()`);
    await queryRunner.query(`CREATE TRIGGER "users_notify_access_change" AFTER UPDATE OR DELETE ON "users"
      FOR EACH STATEMENT EXECUTE FUNCTION "notify_access_change"()`);
    await queryRunner.query(`CREATE TRIGGER "memberships_notify_access_change" AFTER UPDATE OR DELETE ON "memberships"
      FOR EACH STATEMENT EXECUTE FUNCTION "notify_access_change"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "memberships_notify_access_change" ON "memberships"`);
    await queryRunner.query(`DROP TRIGGER "users_notify_access_change" ON "users"`);
    await queryRunner.query(`DROP TRIGGER "sessions_notify_access_change" ON "sessions"`);
    for (const table of PLAN_TABLES) await queryRunner.query(`DROP TRIGGER "${table}_notify_plan_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "notify_access_change"()`);
    await queryRunner.query(`DROP FUNCTION "notify_plan_change"()`);
  }
}

/** What the cached plan reads are made of (PlanEntryRepository). */
const PLAN_TABLES = ['posts', 'post_variants'] as const;

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar subscriptions (Kalender-Abo). Tenant table with row-level security like the
 * editorial plan's tables, plus one narrow policy in the manner of the invitation link: a
 * calendar app has no session, so a feed row may be read by the hash of the token in its
 * address (`app.calendar_feed_token_hash`), and only that row. Everything else the feed shows
 * is read afterwards in that feed's organization scope.
 * Written by hand: TypeORM does not generate grants, policies or functions.
 */
export class CreateCalendarFeeds1795400200000 implements MigrationInterface {
  name = 'CreateCalendarFeeds1795400200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_feeds" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organization_id" uuid NOT NULL,
      "label" text NOT NULL,
      "token_hash" text NOT NULL,
      "created_by_user_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "last_used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_calendar_feeds_token_hash" ON "calendar_feeds" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_calendar_feeds_organization" ON "calendar_feeds" ("organization_id")`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_c4da87ab4c1ea691b247a299399" FOREIGN KEY ("organization_id")
      REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    // Revoking keeps the row (who created it, when it was last used): no DELETE for the app.
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON calendar_feeds TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY calendar_feeds_tenant ON calendar_feeds FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    await queryRunner.query(`CREATE FUNCTION app_calendar_feed_token() RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.calendar_feed_token_hash', true), '') $$`);
    await queryRunner.query(`CREATE POLICY calendar_feeds_by_token ON calendar_feeds FOR SELECT USING (token_hash = app_calendar_feed_token())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY calendar_feeds_by_token ON calendar_feeds`);
    await queryRunner.query(`DROP FUNCTION app_calendar_feed_token()`);
    await queryRunner.query(`DROP POLICY calendar_feeds_tenant ON calendar_feeds`);
    await queryRunner.query(`ALTER TABLE calendar_feeds DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON calendar_feeds FROM amtsplan_app`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_c4da87ab4c1ea691b247a299399"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_calendar_feeds_organization"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_calendar_feeds_token_hash"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}

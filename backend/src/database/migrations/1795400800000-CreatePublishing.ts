import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing: the publisher's claim on a post, one publication per post × channel × approval,
 * every publish attempt, the organization's Kommunikationsstopp, and the credentials of channels
 * with an API connection (Mastodon: instance URL and the access token, sealed by the app).
 *
 * - `channel_credentials`, `publications`, `publish_attempts` are tenant tables with the usual
 *   `<table>_tenant` policy.
 * - `publish_attempts` is a record: the app may insert attempts and finish an open one once
 *   (UPDATE only of the outcome columns, and only while `finished_at` is null), never delete.
 *   `publications` are never deleted by the app either.
 * - The worker's sweeps need to know, across organizations, which posts and publications are
 *   due (ids only, like `notification_mails_due`); it then acts in each organization's scope.
 *   These functions are SECURITY DEFINER and hand out nothing but ids and times.
 *   `publishing_approval_missing` leaves out posts already reported (the PublishingAlerts
 *   dedupe key `approval-missing_<post id>_<planned time, ISO>` in `notifications`).
 * Written by hand around the generated tables: TypeORM does not generate grants, policies or
 * functions.
 */
export class CreatePublishing1795400800000 implements MigrationInterface {
  name = 'CreatePublishing1795400800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "channel_credentials" ("organization_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "instance_url" text NOT NULL, "access_token_sealed" text NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_79c602981048a1f5eb5566dec1b" PRIMARY KEY ("channel_id"))`);
    await queryRunner.query(`CREATE TABLE "publications" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "approval_request_id" uuid NOT NULL, "content_hash" text NOT NULL, "post_version" integer NOT NULL, "adapter" text NOT NULL, "status" text NOT NULL, "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "external_id" text, "url" text, "error" text, "settled_by_user_id" uuid, "settled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_publications_adapter" CHECK (adapter IN ('mastodon', 'manual')), CONSTRAINT "CHK_publications_status" CHECK (status IN ('pending', 'publishing', 'published', 'failed', 'unconfirmed', 'missed', 'manual_due')), CONSTRAINT "PK_2c4e732b044e09139d2f1065fae" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_publications_publishing" ON "publications"  ("updated_at") WHERE status = 'publishing'`);
    await queryRunner.query(`CREATE INDEX "IDX_publications_pending" ON "publications"  ("next_attempt_at") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX "IDX_publications_post" ON "publications"  ("post_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_publications_request_channel" ON "publications"  ("approval_request_id", "channel_id") `);
    await queryRunner.query(`CREATE TABLE "publish_attempts" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "publication_id" uuid NOT NULL, "post_id" uuid NOT NULL, "post_version" integer NOT NULL, "channel_id" uuid NOT NULL, "content_hash" text NOT NULL, "attempt_no" integer NOT NULL, "idempotency_key" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "external_id" text, "url" text, "error" text, CONSTRAINT "CHK_publish_attempts_outcome" CHECK (outcome IS NULL OR outcome IN ('published', 'failed_retryable', 'failed_permanent', 'unknown', 'manual_due')), CONSTRAINT "PK_f797722a06a3395aea1afb2cdca" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_publish_attempts_publication_attempt" ON "publish_attempts"  ("publication_id", "attempt_no") `);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "communication_stop" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "communication_stop_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "communication_stop_reason" text`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "publish_claimed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "publish_claimed_by" text`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "publish_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "publish_claimed_hash" text`);
    await queryRunner.query(`CREATE INDEX "IDX_posts_publish_due" ON "posts"  ("planned_at") WHERE status = 'scheduled' AND publish_claimed_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "channel_credentials" ADD CONSTRAINT "FK_4db20c30faed0546fa2dcde5e0e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "channel_credentials" ADD CONSTRAINT "FK_79c602981048a1f5eb5566dec1b" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "publications" ADD CONSTRAINT "FK_a7f68e92c99a5269ad9f098924d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "publications" ADD CONSTRAINT "FK_cd39130a822b1a90b419e5e3574" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "publications" ADD CONSTRAINT "FK_a8ed0806e446261476f1bd831bc" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "publications" ADD CONSTRAINT "FK_7d8d254171c261b70adf5cb30c1" FOREIGN KEY ("approval_request_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "publish_attempts" ADD CONSTRAINT "FK_8a75ac7817eee8b8060d53dce4d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "publish_attempts" ADD CONSTRAINT "FK_aa061639f0a92d23a0c3e623bae" FOREIGN KEY ("publication_id") REFERENCES "publications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY ${table}_tenant ON ${table} FOR ALL
        USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    }
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON channel_credentials TO amtsplan_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON publications TO amtsplan_app`);
    await queryRunner.query(`GRANT SELECT, INSERT ON publish_attempts TO amtsplan_app`);
    await queryRunner.query(`GRANT UPDATE (finished_at, outcome, external_id, url, error) ON publish_attempts TO amtsplan_app`);
    // Restrictive: on top of the tenant policy, a finished attempt cannot be changed.
    await queryRunner.query(`CREATE POLICY publish_attempts_open_only ON publish_attempts AS RESTRICTIVE FOR UPDATE USING (finished_at IS NULL) WITH CHECK (true)`);

    await queryRunner.query(`CREATE FUNCTION publishing_scheduled_posts(max_rows integer)
      RETURNS TABLE (organization_id uuid, post_id uuid, version integer, planned_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT p.organization_id, p.id, p.version, p.planned_at FROM public.posts p
         WHERE p.status = 'scheduled' AND p.publish_claimed_at IS NULL AND p.planned_at IS NOT NULL
         ORDER BY p.planned_at LIMIT max_rows
      $$`);
    await queryRunner.query(`CREATE FUNCTION publishing_due_attempts(max_rows integer)
      RETURNS TABLE (organization_id uuid, post_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT DISTINCT d.organization_id, d.post_id FROM (
          SELECT u.organization_id, u.post_id FROM public.publications u
           WHERE u.status = 'pending' AND (u.next_attempt_at IS NULL OR u.next_attempt_at <= now())
           ORDER BY u.next_attempt_at NULLS FIRST LIMIT max_rows) d
      $$`);
    await queryRunner.query(`CREATE FUNCTION publishing_interrupted(lease interval, max_rows integer)
      RETURNS TABLE (organization_id uuid, publication_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT u.organization_id, u.id FROM public.publications u
         WHERE u.status = 'publishing' AND u.updated_at < now() - lease
         ORDER BY u.updated_at LIMIT max_rows
      $$`);
    await queryRunner.query(`CREATE FUNCTION publishing_approval_missing(within interval, max_rows integer)
      RETURNS TABLE (organization_id uuid, post_id uuid, planned_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT p.organization_id, p.id, p.planned_at FROM public.posts p
         WHERE p.status IN ('draft', 'in_approval', 'changes_requested') AND p.planned_at <= now() AND p.planned_at > now() - within
           AND EXISTS (SELECT 1 FROM public.approval_requests r WHERE r.post_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM public.notifications n
                            WHERE n.dedupe_key = 'approval-missing_' || p.id || '_' || to_char(p.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         ORDER BY p.planned_at LIMIT max_rows
      $$`);
    for (const signature of FUNCTIONS) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO amtsplan_app`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const signature of [...FUNCTIONS].reverse()) await queryRunner.query(`DROP FUNCTION ${signature}`);
    await queryRunner.query(`DROP POLICY publish_attempts_open_only ON publish_attempts`);
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM amtsplan_app`);
    }
    await queryRunner.query(`ALTER TABLE "publish_attempts" DROP CONSTRAINT "FK_aa061639f0a92d23a0c3e623bae"`);
    await queryRunner.query(`ALTER TABLE "publish_attempts" DROP CONSTRAINT "FK_8a75ac7817eee8b8060d53dce4d"`);
    await queryRunner.query(`ALTER TABLE "publications" DROP CONSTRAINT "FK_7d8d254171c261b70adf5cb30c1"`);
    await queryRunner.query(`ALTER TABLE "publications" DROP CONSTRAINT "FK_a8ed0806e446261476f1bd831bc"`);
    await queryRunner.query(`ALTER TABLE "publications" DROP CONSTRAINT "FK_cd39130a822b1a90b419e5e3574"`);
    await queryRunner.query(`ALTER TABLE "publications" DROP CONSTRAINT "FK_a7f68e92c99a5269ad9f098924d"`);
    await queryRunner.query(`ALTER TABLE "channel_credentials" DROP CONSTRAINT "FK_79c602981048a1f5eb5566dec1b"`);
    await queryRunner.query(`ALTER TABLE "channel_credentials" DROP CONSTRAINT "FK_4db20c30faed0546fa2dcde5e0e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_posts_publish_due"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "publish_claimed_hash"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "publish_request_id"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "publish_claimed_by"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "publish_claimed_at"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "communication_stop_reason"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "communication_stop_since"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "communication_stop"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_publish_attempts_publication_attempt"`);
    await queryRunner.query(`DROP TABLE "publish_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_publications_request_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_publications_post"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_publications_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_publications_publishing"`);
    await queryRunner.query(`DROP TABLE "publications"`);
    await queryRunner.query(`DROP TABLE "channel_credentials"`);
  }
}

const TABLES = ['channel_credentials', 'publications', 'publish_attempts'];

const FUNCTIONS = [
  'publishing_scheduled_posts(integer)',
  'publishing_due_attempts(integer)',
  'publishing_interrupted(interval, integer)',
  'publishing_approval_missing(interval, integer)',
];

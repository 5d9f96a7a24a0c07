import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Freigabe: approval routes, the organization's approval settings, approval requests bound
 * to a content hash, and their decisions. Every table is a tenant table with the same policy
 * as the others (EnableEditorialPlanSecurity). The operator may insert the seeded route and
 * settings of an organization it creates (like its first invitation), nothing more.
 * Decisions are a record: the app role may insert and read them, never change them; requests
 * it may close but not delete.
 * Existing organizations get the default route "Redaktion → Leitung" and default settings;
 * the route is written out here as it was at this migration (defaultApprovalRoute in
 * libs/domain may change later without changing what this migration did).
 */
export class CreateApprovals1795400400000 implements MigrationInterface {
  name = 'CreateApprovals1795400400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "approval_routes" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "priority" integer NOT NULL DEFAULT '100', "is_default" boolean NOT NULL DEFAULT false, "conditions" jsonb NOT NULL DEFAULT '{}', "steps" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_39d4dc592c1c12b3a64ba299d41" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_approval_routes_default" ON "approval_routes"  ("organization_id") WHERE is_default`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_approval_routes_organization_name" ON "approval_routes"  ("organization_id", "name") `);
    await queryRunner.query(`CREATE INDEX "IDX_approval_routes_organization" ON "approval_routes"  ("organization_id", "priority") `);
    await queryRunner.query(`CREATE TABLE "approval_requests" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "route_id" uuid, "route_snapshot" jsonb NOT NULL, "status" text NOT NULL, "content_hash" text NOT NULL, "canonical_content" text NOT NULL, "author_user_id" uuid NOT NULL, "submitted_by_user_id" uuid NOT NULL, "content_editor_user_ids" uuid array NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "planned_at" TIMESTAMP WITH TIME ZONE, "steps" jsonb NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "void_reasons" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_approval_requests_status" CHECK (status IN ('pending', 'approved', 'changes_requested', 'rejected', 'voided', 'withdrawn')), CONSTRAINT "PK_484806bb8ff331b851fc75973c0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_approval_requests_live_post" ON "approval_requests"  ("post_id") WHERE status IN ('pending', 'approved')`);
    await queryRunner.query(`CREATE INDEX "IDX_approval_requests_post" ON "approval_requests"  ("post_id", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_approval_requests_organization_status" ON "approval_requests"  ("organization_id", "status") `);
    await queryRunner.query(`CREATE TABLE "approval_decisions" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "step_index" integer NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "comment" text, "as_deputy" boolean NOT NULL DEFAULT false, "self_approval" boolean NOT NULL DEFAULT false, "content_hash" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_approval_decisions_kind" CHECK (kind IN ('approve', 'request_changes', 'reject')), CONSTRAINT "PK_1ab59e2a6ef9cbc15372cf232e4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_approval_decisions_request_user" ON "approval_decisions"  ("request_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "approval_settings" ("organization_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "allow_self_approval" boolean NOT NULL DEFAULT false, "election_blackout_periods" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_937430b47a2d5e41ceae3cf5390" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_approval_settings_organization" ON "approval_settings"  ("organization_id") `);
    await queryRunner.query(`ALTER TABLE "approval_routes" ADD CONSTRAINT "FK_28c72fdf1acabec5531b5996c3d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "approval_requests" ADD CONSTRAINT "FK_48206c45316b368509fa89b7bac" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "approval_requests" ADD CONSTRAINT "FK_4d479cbc381a4446276d12efacb" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "approval_requests" ADD CONSTRAINT "FK_3d0058a7bcda4be640a6f0aa0fd" FOREIGN KEY ("route_id") REFERENCES "approval_routes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "approval_decisions" ADD CONSTRAINT "FK_ad3e231dce69e48ef28e8639ad5" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "approval_decisions" ADD CONSTRAINT "FK_0629e152f66fd1ca66cdc71a0d1" FOREIGN KEY ("request_id") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "approval_settings" ADD CONSTRAINT "FK_60f854ce5801b8515860e36d472" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    for (const table of TABLES) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO amtsplan_app`);
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY ${table}_tenant ON ${table} FOR ALL
        USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    }
    await queryRunner.query(`REVOKE UPDATE, DELETE ON approval_decisions FROM amtsplan_app`);
    // A request is closed, never removed: it is what the Freigabeprotokoll is made of.
    await queryRunner.query(`REVOKE DELETE ON approval_requests FROM amtsplan_app`);
    for (const table of SEEDED_WITH_ORGANIZATION) {
      await queryRunner.query(`CREATE POLICY ${table}_operator_create ON ${table} FOR INSERT WITH CHECK (app_is_operator())`);
    }

    await queryRunner.query(
      `INSERT INTO approval_routes (organization_id, name, priority, is_default, conditions, steps)
       SELECT o.id, 'Redaktion → Leitung', 0, true, '{}'::jsonb, $1::jsonb FROM organizations o
        WHERE NOT EXISTS (SELECT 1 FROM approval_routes r WHERE r.organization_id = o.id AND r.is_default)`,
      [JSON.stringify(DEFAULT_ROUTE_STEPS)],
    );
    await queryRunner.query(`INSERT INTO approval_settings (organization_id) SELECT o.id FROM organizations o`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of SEEDED_WITH_ORGANIZATION) await queryRunner.query(`DROP POLICY ${table}_operator_create ON ${table}`);
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM amtsplan_app`);
    }
    await queryRunner.query(`ALTER TABLE "approval_settings" DROP CONSTRAINT "FK_60f854ce5801b8515860e36d472"`);
    await queryRunner.query(`ALTER TABLE "approval_decisions" DROP CONSTRAINT "FK_0629e152f66fd1ca66cdc71a0d1"`);
    await queryRunner.query(`ALTER TABLE "approval_decisions" DROP CONSTRAINT "FK_ad3e231dce69e48ef28e8639ad5"`);
    await queryRunner.query(`ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_3d0058a7bcda4be640a6f0aa0fd"`);
    await queryRunner.query(`ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_4d479cbc381a4446276d12efacb"`);
    await queryRunner.query(`ALTER TABLE "approval_requests" DROP CONSTRAINT "FK_48206c45316b368509fa89b7bac"`);
    await queryRunner.query(`ALTER TABLE "approval_routes" DROP CONSTRAINT "FK_28c72fdf1acabec5531b5996c3d"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_approval_settings_organization"`);
    await queryRunner.query(`DROP TABLE "approval_settings"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_approval_decisions_request_user"`);
    await queryRunner.query(`DROP TABLE "approval_decisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_approval_requests_organization_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_approval_requests_post"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_approval_requests_live_post"`);
    await queryRunner.query(`DROP TABLE "approval_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_approval_routes_organization"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_approval_routes_organization_name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_approval_routes_default"`);
    await queryRunner.query(`DROP TABLE "approval_routes"`);
  }
}

const TABLES = ['approval_routes', 'approval_settings', 'approval_requests', 'approval_decisions'];

/** Written by the operator when it creates an organization (OperatorService). */
const SEEDED_WITH_ORGANIZATION = ['approval_routes', 'approval_settings'];

/** The steps of "Redaktion → Leitung" as defaultApprovalRoute gave them at this migration. */
const DEFAULT_ROUTE_STEPS = [
  {
    name: 'Redaktion',
    approvers: { kind: 'role', role: 'editor' },
    mode: 'any',
    deputyUserId: null,
    due: { kind: 'after_submission', hours: 24 },
    skipWhenSubmittedBy: ['editor', 'admin'],
  },
  {
    name: 'Leitung',
    approvers: { kind: 'role', role: 'approver' },
    mode: 'any',
    deputyUserId: null,
    due: { kind: 'before_planned', hours: 12 },
  },
];

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Zwischenfazit at week 6: one per enrolment, written in the authority (tenant policy), and,
 * once submitted, readable by the cohort's members and the run's facilitator (like a share: the
 * cohort is the one cross-tenant space). A draft stays inside the authority.
 */
export class CreateProgramMidpointReviews1795405200000 implements MigrationInterface {
  name = 'CreateProgramMidpointReviews1795405200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "program_midpoint_reviews" (
      "organization_id" uuid NOT NULL,
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "enrolment_id" uuid NOT NULL,
      "cohort_id" uuid NOT NULL,
      "works" text NOT NULL DEFAULT '',
      "not_working" text NOT NULL DEFAULT '',
      "next_steps" text NOT NULL DEFAULT '',
      "submitted_at" TIMESTAMP WITH TIME ZONE,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT '1',
      CONSTRAINT "UQ_program_midpoint_reviews_enrolment" UNIQUE ("enrolment_id"),
      CONSTRAINT "PK_program_midpoint_reviews" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_program_midpoint_reviews_cohort" ON "program_midpoint_reviews" ("cohort_id")`);
    await queryRunner.query(`ALTER TABLE "program_midpoint_reviews" ADD CONSTRAINT "FK_program_midpoint_reviews_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "program_midpoint_reviews" ADD CONSTRAINT "FK_program_midpoint_reviews_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "program_enrolments"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "program_midpoint_reviews" ADD CONSTRAINT "FK_program_midpoint_reviews_cohort" FOREIGN KEY ("cohort_id") REFERENCES "program_cohorts"("id") ON DELETE CASCADE`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON program_midpoint_reviews TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE program_midpoint_reviews ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY program_midpoint_reviews_tenant ON program_midpoint_reviews FOR ALL
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization() AND EXISTS (
        SELECT 1 FROM program_enrolments e WHERE e.id = enrolment_id AND e.cohort_id = program_midpoint_reviews.cohort_id
           AND e.organization_id = program_midpoint_reviews.organization_id AND e.user_id = app_current_user()))`);
    await queryRunner.query(`CREATE POLICY program_midpoint_reviews_cohort ON program_midpoint_reviews FOR SELECT
      USING (submitted_at IS NOT NULL AND app_sees_program_cohort(cohort_id))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY program_midpoint_reviews_cohort ON program_midpoint_reviews`);
    await queryRunner.query(`DROP POLICY program_midpoint_reviews_tenant ON program_midpoint_reviews`);
    await queryRunner.query(`DROP TABLE "program_midpoint_reviews"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Upload exercises (e.g. a graphic made with Canva): one image per enrolment and exercise, tenant
 * data of the authority like the rest of its progress; the file lives in the media storage
 * (decision 0010). A share of kind `upload` carries its own copy of the file, so withdrawing it
 * (or replacing the upload) never leaves a file the cohort can still reach.
 */
export class CreateProgramExerciseUploads1795408400000 implements MigrationInterface {
  name = 'CreateProgramExerciseUploads1795408400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "program_exercise_uploads" (
      "organization_id" uuid NOT NULL,
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "enrolment_id" uuid NOT NULL,
      "exercise_id" text NOT NULL,
      "storage_key" text NOT NULL,
      "content_type" text NOT NULL,
      "byte_size" integer NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "alt_text" text NOT NULL,
      "created_by_user_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT '1',
      CONSTRAINT "CHK_program_exercise_uploads_content_type" CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif')),
      CONSTRAINT "CHK_program_exercise_uploads_alt_text" CHECK (length(btrim(alt_text)) > 0),
      CONSTRAINT "UQ_program_exercise_uploads_exercise" UNIQUE ("enrolment_id", "exercise_id"),
      CONSTRAINT "UQ_program_exercise_uploads_storage_key" UNIQUE ("storage_key"),
      CONSTRAINT "PK_program_exercise_uploads" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "program_exercise_uploads" ADD CONSTRAINT "FK_program_exercise_uploads_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "program_exercise_uploads" ADD CONSTRAINT "FK_program_exercise_uploads_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "program_enrolments"("id") ON DELETE CASCADE`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON program_exercise_uploads TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE program_exercise_uploads ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY program_exercise_uploads_tenant ON program_exercise_uploads FOR ALL
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization() AND EXISTS (
        SELECT 1 FROM program_enrolments e WHERE e.id = enrolment_id
           AND e.organization_id = program_exercise_uploads.organization_id AND e.user_id = app_current_user()))`);

    await queryRunner.query(`ALTER TABLE "program_shares" ADD "image_storage_key" text`);
    await queryRunner.query(`ALTER TABLE "program_shares" ADD "image_content_type" text`);
    await queryRunner.query(`ALTER TABLE "program_shares" DROP CONSTRAINT "CHK_program_shares_kind"`);
    await queryRunner.query(`ALTER TABLE "program_shares" ADD CONSTRAINT "CHK_program_shares_kind" CHECK (kind IN ('reflection', 'post_draft', 'upload'))`);
    await queryRunner.query(`ALTER TABLE "program_shares" ADD CONSTRAINT "CHK_program_shares_image" CHECK ((kind = 'upload') = (image_storage_key IS NOT NULL AND image_content_type IS NOT NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "program_shares" WHERE kind = 'upload'`);
    await queryRunner.query(`ALTER TABLE "program_shares" DROP CONSTRAINT "CHK_program_shares_image"`);
    await queryRunner.query(`ALTER TABLE "program_shares" DROP CONSTRAINT "CHK_program_shares_kind"`);
    await queryRunner.query(`ALTER TABLE "program_shares" ADD CONSTRAINT "CHK_program_shares_kind" CHECK (kind IN ('reflection', 'post_draft'))`);
    await queryRunner.query(`ALTER TABLE "program_shares" DROP COLUMN "image_content_type"`);
    await queryRunner.query(`ALTER TABLE "program_shares" DROP COLUMN "image_storage_key"`);
    await queryRunner.query(`DROP POLICY program_exercise_uploads_tenant ON program_exercise_uploads`);
    await queryRunner.query(`DROP TABLE "program_exercise_uploads"`);
  }
}

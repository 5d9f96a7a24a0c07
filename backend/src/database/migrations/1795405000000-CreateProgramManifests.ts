import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Kick-off-Manifest of the learning program: one text per authority, signed in the tool by a
 * leadership account. A tenant table with the usual policy; the signature is stored with the exact
 * text it was given for, so a later edit cannot borrow it (editing clears it).
 */
export class CreateProgramManifests1795405000000 implements MigrationInterface {
  name = 'CreateProgramManifests1795405000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "program_manifests" (
      "organization_id" uuid NOT NULL,
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "text" text NOT NULL,
      "signed_by_user_id" uuid,
      "signer_name" text,
      "signer_function" text,
      "signed_at" TIMESTAMP WITH TIME ZONE,
      "signed_text" text,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT '1',
      CONSTRAINT "CHK_program_manifests_signature" CHECK ((signed_at IS NULL) = (signed_text IS NULL) AND (signed_at IS NULL) = (signer_name IS NULL)),
      CONSTRAINT "PK_program_manifests" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_program_manifests_organization" ON "program_manifests" ("organization_id")`);
    await queryRunner.query(`ALTER TABLE "program_manifests" ADD CONSTRAINT "FK_program_manifests_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "program_manifests" ADD CONSTRAINT "FK_program_manifests_signer" FOREIGN KEY ("signed_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON program_manifests TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE program_manifests ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY program_manifests_tenant ON program_manifests FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY program_manifests_tenant ON program_manifests`);
    await queryRunner.query(`DROP TABLE "program_manifests"`);
  }
}

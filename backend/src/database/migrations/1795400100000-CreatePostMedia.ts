import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Images of posts. The files live on disk (MEDIA_DIR); the table is the only thing that names
 * them, so it is a tenant table like the other editorial plan tables (EnableEditorialPlanSecurity).
 */
export class CreatePostMedia1795400100000 implements MigrationInterface {
  name = 'CreatePostMedia1795400100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "post_media" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organization_id" uuid NOT NULL,
      "post_id" uuid NOT NULL,
      "storage_key" text NOT NULL,
      "content_type" text NOT NULL,
      "byte_size" integer NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "alt_text" text NOT NULL,
      "position" integer NOT NULL DEFAULT '0',
      "created_by_user_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT '1',
      CONSTRAINT "CHK_post_media_content_type" CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif')),
      CONSTRAINT "CHK_post_media_alt_text" CHECK (length(btrim(alt_text)) > 0),
      CONSTRAINT "PK_049edb1ce7ab3d2a98009b171d0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_post_media_storage_key" ON "post_media" ("storage_key")`);
    await queryRunner.query(`CREATE INDEX "IDX_post_media_post" ON "post_media" ("post_id", "position")`);
    await queryRunner.query(`ALTER TABLE "post_media" ADD CONSTRAINT "FK_add6fb8f70f6db68b2b9ee0ee6a"
      FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "post_media" ADD CONSTRAINT "FK_1eeb54a4fdfbe9db17899243cbe"
      FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON post_media TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE post_media ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY post_media_tenant ON post_media FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY post_media_tenant ON post_media`);
    await queryRunner.query(`ALTER TABLE post_media DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`REVOKE ALL ON post_media FROM amtsplan_app`);
    await queryRunner.query(`ALTER TABLE "post_media" DROP CONSTRAINT "FK_1eeb54a4fdfbe9db17899243cbe"`);
    await queryRunner.query(`ALTER TABLE "post_media" DROP CONSTRAINT "FK_add6fb8f70f6db68b2b9ee0ee6a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_post_media_post"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_post_media_storage_key"`);
    await queryRunner.query(`DROP TABLE "post_media"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SHA-256 of each image file, which approvals bind into their content hash. New uploads
 * get it at once. Existing rows cannot get it here: the bytes live on disk (MEDIA_DIR), out of
 * SQL's reach. They stay null until an approval first reads the image (ApprovalContentReader
 * hashes the stored file then and keeps the result).
 */
export class AddPostMediaContentHash1795400500000 implements MigrationInterface {
  name = 'AddPostMediaContentHash1795400500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "post_media" ADD "content_hash" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "post_media" DROP COLUMN "content_hash"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sharing into the cohort also takes a Konzept-Plakat section and an approved text block
 * (docs/learning-program.md). Both are text copies like a reflection: no image, no exercise.
 */
export class WidenProgramShareKinds1795408500000 implements MigrationInterface {
  name = 'WidenProgramShareKinds1795408500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "program_shares" DROP CONSTRAINT "CHK_program_shares_kind"`);
    await queryRunner.query(`ALTER TABLE "program_shares" ADD CONSTRAINT "CHK_program_shares_kind" CHECK (kind IN ('reflection', 'post_draft', 'upload', 'poster_section', 'text_block'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "program_shares" WHERE kind IN ('poster_section', 'text_block')`);
    await queryRunner.query(`ALTER TABLE "program_shares" DROP CONSTRAINT "CHK_program_shares_kind"`);
    await queryRunner.query(`ALTER TABLE "program_shares" ADD CONSTRAINT "CHK_program_shares_kind" CHECK (kind IN ('reflection', 'post_draft', 'upload'))`);
  }
}

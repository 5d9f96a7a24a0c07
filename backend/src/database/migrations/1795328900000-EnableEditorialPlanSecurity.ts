import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['channels', 'topics', 'posts', 'post_variants', 'post_versions', 'post_comments'];

/** Row-level security and grants for the editorial plan's tenant tables (see EnableRowLevelSecurity). */
export class EnableEditorialPlanSecurity1795328900000 implements MigrationInterface {
  name = 'EnableEditorialPlanSecurity1795328900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO amtsplan_app`);
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY ${table}_tenant ON ${table} FOR ALL
        USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    }
    // A post's history is a record: it may grow, not change.
    await queryRunner.query(`REVOKE UPDATE, DELETE ON post_versions FROM amtsplan_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM amtsplan_app`);
    }
  }
}

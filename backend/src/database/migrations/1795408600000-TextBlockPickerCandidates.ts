import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The picker's tiers read `text_block_picker_candidates` (decision 0016, addendum): the approved,
 * pickable blocks of the authority in the transaction's scope (`app_current_organization()`),
 * through a view owned by the schema owner. Under the app role's row-level security PostgreSQL
 * may use only leakproof conditions in an index scan, and neither `LIKE` nor `@@` is leakproof:
 * read straight from `text_blocks`, every prefix became a filter over all of the authority's
 * blocks (140–240 ms for 50,000 blocks) instead of an index range (under 1.5 ms). The view keeps
 * the tenant boundary in its own condition and lets the planner use the indexes.
 *
 * The short-code index compares in collation "C", so that a prefix is an index range whatever
 * the database's collation (only "C" makes `LIKE 'abc%'` a range); the usage index answers the
 * picker opened without a query (most used first).
 */
export class TextBlockPickerCandidates1795408600000 implements MigrationInterface {
  name = 'TextBlockPickerCandidates1795408600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW text_block_picker_candidates AS
      SELECT b.id, b.organization_id, b.short_code, b.picker_title, b.picker_search_vector, b.usage_count,
             b.valid_from, b.valid_until, b.approved_version_id, b.tags
        FROM text_blocks b
       WHERE b.organization_id = app_current_organization() AND b.picker_title IS NOT NULL AND b.approved_version_id IS NOT NULL`);
    await queryRunner.query(`GRANT SELECT ON text_block_picker_candidates TO amtsplan_app`);
    await queryRunner.query(
      `CREATE INDEX "IDX_text_blocks_picker_code" ON text_blocks (organization_id, (short_code COLLATE "C")) WHERE picker_title IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_text_blocks_picker_usage" ON text_blocks (organization_id, usage_count DESC, picker_title, id) WHERE picker_title IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_text_blocks_picker_usage"`);
    await queryRunner.query(`DROP INDEX "IDX_text_blocks_picker_code"`);
    await queryRunner.query(`DROP VIEW text_block_picker_candidates`);
  }
}

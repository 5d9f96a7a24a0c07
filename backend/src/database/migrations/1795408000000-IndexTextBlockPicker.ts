import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The picker's typeahead reads one table (decision 0016): `text_blocks` carries the title and
 * search vector of its approved version (`picker_title`, `picker_search_vector`), kept by two
 * triggers, so that every candidate set is answered by an index on one row per block:
 * short-code prefix (existing btree on organization_id, short_code), title prefix (btree on
 * organization_id, lower(picker_title) in collation "C") and words (GIN on the vector).
 */
export class IndexTextBlockPicker1795408000000 implements MigrationInterface {
  name = 'IndexTextBlockPicker1795408000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "text_blocks" ADD "picker_title" text`);
    await queryRunner.query(`ALTER TABLE "text_blocks" ADD "picker_search_vector" tsvector`);
    // A block whose approved version changes takes that version's title and vector.
    await queryRunner.query(`CREATE FUNCTION text_blocks_picker_fields() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.approved_version_id IS NULL THEN
          NEW.picker_title := NULL;
          NEW.picker_search_vector := NULL;
        ELSE
          SELECT v.title, v.search_vector INTO NEW.picker_title, NEW.picker_search_vector
            FROM public.text_block_versions v WHERE v.id = NEW.approved_version_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER text_blocks_picker_fields BEFORE INSERT OR UPDATE OF approved_version_id
      ON text_blocks FOR EACH ROW EXECUTE FUNCTION text_blocks_picker_fields()`);
    // A version written after its block already points at it (imports, seeds) fills the block too.
    await queryRunner.query(`CREATE FUNCTION text_block_versions_picker_fields() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE public.text_blocks b SET picker_title = NEW.title, picker_search_vector = NEW.search_vector
         WHERE b.id = NEW.text_block_id AND b.approved_version_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER text_block_versions_picker_fields AFTER INSERT OR UPDATE OF title, body_sie, body_du
      ON text_block_versions FOR EACH ROW EXECUTE FUNCTION text_block_versions_picker_fields()`);
    await queryRunner.query(`UPDATE text_blocks b SET picker_title = v.title, picker_search_vector = v.search_vector
      FROM text_block_versions v WHERE v.id = b.approved_version_id`);
    await queryRunner.query(
      `CREATE INDEX "IDX_text_blocks_picker_title" ON text_blocks (organization_id, (lower(picker_title) COLLATE "C")) WHERE picker_title IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_text_blocks_picker_search" ON text_blocks USING gin (picker_search_vector)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_text_blocks_picker_search"`);
    await queryRunner.query(`DROP INDEX "IDX_text_blocks_picker_title"`);
    await queryRunner.query(`DROP TRIGGER text_block_versions_picker_fields ON text_block_versions`);
    await queryRunner.query(`DROP FUNCTION text_block_versions_picker_fields()`);
    await queryRunner.query(`DROP TRIGGER text_blocks_picker_fields ON text_blocks`);
    await queryRunner.query(`DROP FUNCTION text_blocks_picker_fields()`);
    await queryRunner.query(`ALTER TABLE "text_blocks" DROP COLUMN "picker_search_vector"`);
    await queryRunner.query(`ALTER TABLE "text_blocks" DROP COLUMN "picker_title"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Programmleitung enrols one person per authority, but belongs to no authority and so reads
 * no organization row. `program_authorities()` hands a facilitator (only) the authorities' ids and
 * names to choose from; everyone else gets an empty list.
 */
export class AddProgramAuthorityDirectory1795405100000 implements MigrationInterface {
  name = 'AddProgramAuthorityDirectory1795405100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION program_authorities() RETURNS TABLE (id uuid, name text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT o.id, o.name FROM public.organizations o WHERE app_is_program_facilitator() ORDER BY o.name $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION program_authorities() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION program_authorities() TO amtsplan_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION program_authorities()`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retention job runs without a request and has to find every organization with inbox
 * items past its retention period; row-level security hides them from the app role, so this
 * one function (owner's rights, ids only) lists them. The work itself runs in each
 * organization's scope.
 */
export class CreateInboxRetentionSweep1795403100000 implements MigrationInterface {
  name = 'CreateInboxRetentionSweep1795403100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION inbox_retention_due()
      RETURNS TABLE (organization_id uuid, retention_days integer)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT s.organization_id, s.retention_days FROM public.inbox_settings s
         WHERE EXISTS (SELECT 1 FROM public.inbox_items i
                        WHERE i.organization_id = s.organization_id AND i.personal_data_removed_at IS NULL
                          AND i.received_at < now() - make_interval(days => s.retention_days))
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION inbox_retention_due() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION inbox_retention_due() TO amtsplan_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION inbox_retention_due()`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder sweep's view across organizations: ids of running approval requests only, for
 * a worker that re-creates their reminder jobs after a Redis loss. It then reads each request
 * in that organization's own scope (row-level security), like the publishing sweep.
 */
export class CreateApprovalReminderSweep1795400960000 implements MigrationInterface {
  name = 'CreateApprovalReminderSweep1795400960000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION approval_requests_pending(max_rows integer)
      RETURNS TABLE (organization_id uuid, request_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT r.organization_id, r.id FROM public.approval_requests r
         WHERE r.status = 'pending'
         ORDER BY r.submitted_at LIMIT max_rows
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION approval_requests_pending(integer) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION approval_requests_pending(integer) TO amtsplan_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION approval_requests_pending(integer)`);
  }
}

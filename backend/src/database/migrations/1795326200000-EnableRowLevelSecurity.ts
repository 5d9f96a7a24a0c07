import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second wall of tenant separation (the first is the app's own scoping in Database):
 * the app acts as the non-owner role `amtsplan_app`, for which PostgreSQL filters every tenant
 * table by the organization set for the current transaction (`app.organization_id`).
 * `users` and `sessions` are installation-wide and carry no organization.
 * Written by hand: TypeORM does not generate roles, grants, policies or triggers.
 */
export class EnableRowLevelSecurity1795326200000 implements MigrationInterface {
  name = 'EnableRowLevelSecurity1795326200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'amtsplan_app') THEN
        CREATE ROLE amtsplan_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    END $$`);
    await queryRunner.query(`GRANT amtsplan_app TO CURRENT_USER`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO amtsplan_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, organizations, memberships, invitations TO amtsplan_app`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT ON audit_events TO amtsplan_app`);

    await queryRunner.query(`CREATE FUNCTION app_current_organization() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$`);
    await queryRunner.query(`CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`);
    await queryRunner.query(`CREATE FUNCTION app_is_operator() RETURNS boolean LANGUAGE sql STABLE
      AS $$ SELECT coalesce(current_setting('app.operator', true), '') = 'on' $$`);
    await queryRunner.query(`CREATE FUNCTION app_invitation_token() RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.invitation_token_hash', true), '') $$`);

    await queryRunner.query(`ALTER TABLE organizations ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY organizations_read ON organizations FOR SELECT USING (
      id = app_current_organization() OR app_is_operator()
      OR EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = organizations.id AND m.user_id = app_current_user()))`);
    await queryRunner.query(`CREATE POLICY organizations_update ON organizations FOR UPDATE
      USING (id = app_current_organization()) WITH CHECK (id = app_current_organization())`);
    await queryRunner.query(`CREATE POLICY organizations_create ON organizations FOR INSERT WITH CHECK (app_is_operator())`);

    await queryRunner.query(`ALTER TABLE memberships ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY memberships_own ON memberships FOR SELECT USING (user_id = app_current_user())`);
    await queryRunner.query(`CREATE POLICY memberships_tenant ON memberships FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);

    await queryRunner.query(`ALTER TABLE invitations ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY invitations_tenant ON invitations FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
    await queryRunner.query(`CREATE POLICY invitations_by_token ON invitations FOR SELECT USING (token_hash = app_invitation_token())`);
    await queryRunner.query(`CREATE POLICY invitations_operator_create ON invitations FOR INSERT WITH CHECK (app_is_operator())`);

    await queryRunner.query(`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (organization_id = app_current_organization())`);
    await queryRunner.query(`CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (
      organization_id IS NULL OR organization_id = app_current_organization() OR app_is_operator())`);
    await queryRunner.query(`CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
    const policies: ReadonlyArray<readonly [string, readonly string[]]> = [
      ['audit_events', ['audit_events_read', 'audit_events_append']],
      ['invitations', ['invitations_tenant', 'invitations_by_token', 'invitations_operator_create']],
      ['memberships', ['memberships_own', 'memberships_tenant']],
      ['organizations', ['organizations_read', 'organizations_update', 'organizations_create']],
    ];
    for (const [table, names] of policies) {
      for (const policy of names) await queryRunner.query(`DROP POLICY ${policy} ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    for (const fn of ['app_invitation_token', 'app_is_operator', 'app_current_user', 'app_current_organization']) {
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query(`REVOKE ALL ON users, sessions, organizations, memberships, invitations, audit_events FROM amtsplan_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM amtsplan_app`);
    // The role is cluster-wide and may serve other databases of the same cluster: it stays.
  }
}

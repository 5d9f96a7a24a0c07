import { Database } from '../../src/database/database';
import { startTestApp, TestApp } from '../support/test-app';

describe('audit trail and row-level security (second wall)', () => {
  let app: TestApp;
  let database: Database;
  let musterstadt: string;
  let landkreis: string;

  beforeAll(async () => {
    app = await startTestApp('rls', 4);
    database = app.api.get(Database);
    musterstadt = await app.organizationId('Stadt Musterstadt');
    landkreis = await app.organizationId('Landkreis Beispiel');
  });
  afterAll(() => app.close());

  it('shows admins the audit log of their own organization only', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const events = await admin.get<Array<{ action: string }>>(`/api/orgs/${musterstadt}/audit-events`);
    expect(events.status).toBe(200);
    expect(events.body.map((e) => e.action)).toContain('organization.created');
    expect((await (await app.as('redaktion@musterstadt.example')).get(`/api/orgs/${musterstadt}/audit-events`)).status).toBe(403);
  });

  it('acts as the non-owner app role for which the audit log is append-only', async () => {
    await database.transaction({ organizationId: musterstadt }, async ({ manager }) => {
      const [{ current_user: role }] = await manager.query('SELECT current_user');
      expect(role).toBe('amtsplan_app');
      const [{ rolbypassrls, rolsuper }] = await manager.query('SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user');
      expect(rolbypassrls).toBe(false);
      expect(rolsuper).toBe(false);
    });
    await expect(database.transaction({ organizationId: musterstadt }, ({ manager }) => manager.query(`UPDATE audit_events SET action = 'auth.login'`))).rejects.toThrow(/permission denied/);
    await expect(database.transaction({ organizationId: musterstadt }, ({ manager }) => manager.query('DELETE FROM audit_events'))).rejects.toThrow(/permission denied/);
    // Not even the owner can rewrite history: a trigger refuses it.
    await expect(app.owner.query(`UPDATE audit_events SET action = 'auth.login'`)).rejects.toThrow(/append-only/);
    await expect(app.owner.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(app.owner.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('filters tenant tables by the organization of the transaction even without a WHERE clause', async () => {
    const rows = await database.transaction({ organizationId: landkreis }, ({ manager }) =>
      manager.query('SELECT DISTINCT organization_id FROM memberships'),
    );
    expect(rows).toEqual([{ organization_id: landkreis }]);
    const none = await database.transaction({}, ({ manager }) => manager.query('SELECT * FROM invitations'));
    expect(none).toEqual([]);
    const orgs = await database.transaction({ organizationId: landkreis }, ({ manager }) => manager.query('SELECT name FROM organizations'));
    expect(orgs).toEqual([{ name: 'Landkreis Beispiel' }]);
  });

  it('refuses writes into another organization', async () => {
    const insert = database.transaction({ organizationId: landkreis }, ({ manager }) =>
      manager.query(
        `INSERT INTO invitations (organization_id, email, role, token_hash, expires_at) VALUES ($1, 'x@y.de', 'admin', 'h', now() + interval '1 day')`,
        [musterstadt],
      ),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    const update = await database.transaction({ organizationId: landkreis }, ({ manager }) =>
      manager.query(`UPDATE memberships SET role = 'viewer' WHERE organization_id = $1`, [musterstadt]),
    );
    expect(update[1]).toBe(0);
    const roles = await app.owner.query(`SELECT DISTINCT role FROM memberships WHERE organization_id = $1 AND role = 'admin'`, [musterstadt]);
    expect(roles).toHaveLength(1);
  });

  it('records logins and failed logins without an organization', async () => {
    await app.as('lesen@musterstadt.example', '192.0.2.55');
    const rows = await app.owner.query(`SELECT organization_id, ip FROM audit_events WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toEqual({ organization_id: null, ip: '192.0.2.55' });
  });
});

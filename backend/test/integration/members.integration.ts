import { startTestApp, TestApp } from '../support/test-app';

interface Member {
  id: string;
  user: { email: string };
  role: string;
  version: number;
}

describe('members and roles', () => {
  let app: TestApp;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp('members', 3);
    orgId = await app.organizationId('Stadt Musterstadt');
  });
  afterAll(() => app.close());

  const memberOf = async (email: string) => {
    const admin = await app.as('admin@musterstadt.example');
    const list = await admin.get<Member[]>(`/api/orgs/${orgId}/members`);
    return list.body.find((m) => m.user.email === email)!;
  };

  it('shows every role the member list, read-only', async () => {
    for (const email of ['redaktion@musterstadt.example', 'lesen@musterstadt.example', 'community@musterstadt.example']) {
      const client = await app.as(email);
      const list = await client.get<Member[]>(`/api/orgs/${orgId}/members`);
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(6);
      const target = list.body.find((m) => m.user.email === 'fachbereich@musterstadt.example')!;
      expect((await client.patch(`/api/orgs/${orgId}/members/${target.id}`, { role: 'viewer', version: target.version })).status).toBe(403);
      expect((await client.delete(`/api/orgs/${orgId}/members/${target.id}`)).status).toBe(403);
    }
  });

  it('changes a role with the version the admin saw, and answers 409 to a stale version', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const target = await memberOf('fachbereich@musterstadt.example');
    const changed = await admin.patch<Member>(`/api/orgs/${orgId}/members/${target.id}`, { role: 'editor', version: target.version });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'editor', version: target.version + 1 });

    const stale = await admin.patch(`/api/orgs/${orgId}/members/${target.id}`, { role: 'viewer', version: target.version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'urn:amtsplan:problem:stale-version' });
    expect((await memberOf('fachbereich@musterstadt.example')).role).toBe('editor');

    const audit = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'membership.role_changed' AND object_id = $1`, [target.id]);
    expect(audit).toEqual([{ details: expect.objectContaining({ from: 'contributor', to: 'editor' }) }]);
  });

  it('keeps at least one admin', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const self = await memberOf('admin@musterstadt.example');
    const demote = await admin.patch(`/api/orgs/${orgId}/members/${self.id}`, { role: 'editor', version: self.version });
    expect(demote.status).toBe(422);
    expect((await admin.delete(`/api/orgs/${orgId}/members/${self.id}`)).status).toBe(422);
    expect((await memberOf('admin@musterstadt.example')).role).toBe('admin');
  });

  it('removes a member, who then no longer sees the organization', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const target = await memberOf('community@musterstadt.example');
    const removedClient = await app.as('community@musterstadt.example');
    expect((await admin.delete(`/api/orgs/${orgId}/members/${target.id}`)).status).toBe(204);
    expect((await removedClient.get(`/api/orgs/${orgId}/members`)).status).toBe(404);
    const me = await removedClient.get<{ memberships: unknown[] }>('/api/auth/me');
    expect(me.body.memberships).toEqual([]);
    const audit = await app.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'membership.removed' AND object_id = $1`, [target.id]);
    expect(audit[0].n).toBe(1);
  });

  it('answers 404 for unknown or malformed member ids', async () => {
    const admin = await app.as('admin@musterstadt.example');
    expect((await admin.patch(`/api/orgs/${orgId}/members/00000000-0000-4000-8000-000000000000`, { role: 'viewer', version: 1 })).status).toBe(404);
    expect((await admin.delete(`/api/orgs/${orgId}/members/kein-uuid`)).status).toBe(404);
  });
});

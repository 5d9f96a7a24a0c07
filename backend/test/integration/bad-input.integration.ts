import { startTestApp, TestApp } from '../support/test-app';
import { ApiClient } from '../support/api-client';

describe('bad input is refused with problem+json and writes nothing', () => {
  let app: TestApp;
  let admin: ApiClient;
  let orgId: string;
  const invitationCount = async () => (await app.owner.query('SELECT count(*)::int AS n FROM invitations'))[0].n as number;

  beforeAll(async () => {
    app = await startTestApp('badinput', 6);
    orgId = await app.organizationId('Stadt Musterstadt');
    admin = await app.as('admin@musterstadt.example');
  });
  afterAll(() => app.close());

  it('names unknown fields', async () => {
    const response = await admin.post<{ errors: Array<{ path: string; message: string }> }>(`/api/orgs/${orgId}/invitations`, {
      email: 'a@musterstadt.example',
      role: 'viewer',
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:amtsplan:problem:validation', status: 400, title: 'Ungültige Eingabe' });
    expect(response.body.errors[0]!.message).toContain('isAdmin');
    expect(await invitationCount()).toBe(0);
  });

  it('names fields of the wrong type, in German', async () => {
    const response = await admin.post<{ errors: Array<{ path: string; message: string }> }>(`/api/orgs/${orgId}/invitations`, { email: 42, role: 'chef' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'email', message: expect.stringMatching(/E-Mail|Ungültig/) },
        { path: 'role', message: 'Unbekannte Rolle' },
      ]),
    );
    expect(await invitationCount()).toBe(0);
  });

  it('refuses a version that is not a number', async () => {
    const members = await admin.get<Array<{ id: string }>>(`/api/orgs/${orgId}/members`);
    const response = await admin.patch(`/api/orgs/${orgId}/members/${members.body[1]!.id}`, { role: 'viewer', version: '1' });
    expect(response.status).toBe(400);
  });

  it('refuses bodies that are not JSON', async () => {
    const response = await admin.request('POST', `/api/orgs/${orgId}/invitations`, { rawBody: '{"email": ' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'urn:amtsplan:problem:validation' });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|stack/i);
    expect(await invitationCount()).toBe(0);
  });

  it('refuses oversized bodies with 413 before reading them', async () => {
    const response = await admin.request('POST', `/api/orgs/${orgId}/invitations`, {
      rawBody: JSON.stringify({ email: 'a@musterstadt.example', role: 'viewer', padding: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ type: 'urn:amtsplan:problem:payload-too-large', status: 413 });
    expect(await invitationCount()).toBe(0);
  });

  it('refuses a login body with missing fields', async () => {
    const response = await app.client().post<{ errors: Array<{ path: string }> }>('/api/auth/login', { email: 'admin@musterstadt.example' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.path)).toEqual(['password']);
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const response = await admin.get('/api/gibt-es-nicht');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

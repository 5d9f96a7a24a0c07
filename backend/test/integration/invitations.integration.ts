import { decodeQuotedPrintable, SmtpListener } from '../support/smtp-listener';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

interface Created {
  invitation: { id: string; status: string; role: string };
  acceptUrl: string;
}

describe('invitations by link (real PostgreSQL, Redis, worker and SMTP)', () => {
  const smtp = new SmtpListener();
  let app: TestApp;
  let orgId: string;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp('invitations', 2, { smtpUrl });
    await app.startWorker();
    orgId = await app.organizationId('Stadt Musterstadt');
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  const tokenOf = (url: string) => url.split('/einladung/')[1]!;

  it('lets an admin invite; the invitee gets the link by e-mail, creates an account and is logged in', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const created = await admin.post<Created>(`/api/orgs/${orgId}/invitations`, { email: 'Neu.Person@Musterstadt.example', role: 'contributor' });
    expect(created.status).toBe(201);
    expect(created.body.invitation).toMatchObject({ status: 'pending', role: 'contributor' });
    expect(created.body.acceptUrl).toMatch(/^http:\/\/localhost:3000\/einladung\/[A-Za-z0-9_-]{43}$/);

    const mail = await smtp.waitFor((m) => m.to.includes('neu.person@musterstadt.example'));
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain(created.body.acceptUrl);
    expect(text).toContain('Stadt Musterstadt');
    expect(text).toContain('Fachbereich');

    const token = tokenOf(created.body.acceptUrl);
    const visitor = app.client();
    const preview = await visitor.get(`/api/invitations/${token}`);
    expect(preview.body).toEqual({ organizationName: 'Stadt Musterstadt', email: 'neu.person@musterstadt.example', role: 'contributor', accountExists: false });

    const accepted = await visitor.post<{ user: { email: string }; memberships: Array<{ role: string }> }>(`/api/invitations/${token}/accept`, {
      displayName: 'Nora Neu',
      password: 'ein-gutes-langes-Passwort',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships).toEqual([expect.objectContaining({ role: 'contributor' })]);
    expect((await visitor.get('/api/auth/me')).status).toBe(200);

    // Single use.
    expect((await app.client().get(`/api/invitations/${token}`)).status).toBe(404);
    expect((await app.client().post(`/api/invitations/${token}/accept`, { displayName: 'X', password: 'noch-ein-langes-Passwort' })).status).toBe(404);

    const audit = await app.owner.query(`SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'invitation.%' ORDER BY id`, [orgId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['invitation.created', 'invitation.accepted']);
  });

  it('refuses expired and revoked links', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const expiring = await admin.post<Created>(`/api/orgs/${orgId}/invitations`, { email: 'abgelaufen@musterstadt.example', role: 'viewer' });
    await app.owner.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.body.invitation.id]);
    expect((await app.client().get(`/api/invitations/${tokenOf(expiring.body.acceptUrl)}`)).status).toBe(404);

    const revoked = await admin.post<Created>(`/api/orgs/${orgId}/invitations`, { email: 'zurueck@musterstadt.example', role: 'viewer' });
    expect((await admin.delete(`/api/orgs/${orgId}/invitations/${revoked.body.invitation.id}`)).status).toBe(204);
    const attempt = await app.client().post(`/api/invitations/${tokenOf(revoked.body.acceptUrl)}/accept`, { displayName: 'Z', password: 'ein-gutes-langes-Passwort' });
    expect(attempt.status).toBe(404);
    const list = await admin.get<Array<{ email: string; status: string }>>(`/api/orgs/${orgId}/invitations`);
    expect(list.body.find((i) => i.email === 'zurueck@musterstadt.example')?.status).toBe('revoked');
    expect(list.body.find((i) => i.email === 'abgelaufen@musterstadt.example')?.status).toBe('expired');
  });

  it('lets an existing account join a second organization after logging in with the invited address', async () => {
    const landkreis = await app.organizationId('Landkreis Beispiel');
    const admin = await app.as('admin@landkreis-beispiel.example');
    const created = await admin.post<Created>(`/api/orgs/${landkreis}/invitations`, { email: 'leitung@musterstadt.example', role: 'approver' });
    const token = tokenOf(created.body.acceptUrl);

    const anonymous = await app.client().post(`/api/invitations/${token}/accept`, { displayName: 'X', password: 'ein-gutes-langes-Passwort' });
    expect(anonymous.status).toBe(409);

    const wrongPerson = await app.as('lesen@musterstadt.example');
    expect((await wrongPerson.post(`/api/invitations/${token}/accept`, {})).status).toBe(403);

    const invitee = await app.as('leitung@musterstadt.example');
    const accepted = await invitee.post<{ memberships: Array<{ organization: { name: string }; role: string }> }>(`/api/invitations/${token}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships).toEqual(
      expect.arrayContaining([expect.objectContaining({ organization: expect.objectContaining({ name: 'Landkreis Beispiel' }), role: 'approver' })]),
    );
  });

  it('lets only admins invite', async () => {
    for (const email of ['redaktion@musterstadt.example', 'leitung@musterstadt.example', 'lesen@musterstadt.example']) {
      const client = await app.as(email);
      const response = await client.post(`/api/orgs/${orgId}/invitations`, { email: 'x@musterstadt.example', role: 'admin' });
      expect(response.status).toBe(403);
    }
    const count = await app.owner.query(`SELECT count(*)::int AS n FROM invitations WHERE email = 'x@musterstadt.example'`);
    expect(count[0].n).toBe(0);
  });

  it('refuses to invite someone who is already a member', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const response = await admin.post(`/api/orgs/${orgId}/invitations`, { email: 'redaktion@musterstadt.example', role: 'viewer' });
    expect(response.status).toBe(409);
  });

  it('keeps the password rules for new accounts', async () => {
    const admin = await app.as('admin@musterstadt.example');
    const created = await admin.post<Created>(`/api/orgs/${orgId}/invitations`, { email: 'kurz@musterstadt.example', role: 'viewer' });
    const response = await app.client().post<{ errors: Array<{ path: string; message: string }> }>(
      `/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`,
      { displayName: 'Kurt', password: 'kurz' },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('12 Zeichen') })]));
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});

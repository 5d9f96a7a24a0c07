import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../src/app/create-api-app';
import { createOperator } from '../../src/cli/operator-commands';
import { createDataSource } from '../../src/database/data-source';
import { detectSchemaDrift } from '../../src/database/schema-drift';
import { SmtpListener } from '../support/smtp-listener';
import { startTestApp, TestApp } from '../support/test-app';
import { createMigratedDatabase, testConfig } from '../support/test-environment';

describe('platform: health, API docs, queue dashboard, schema, operator', () => {
  const smtp = new SmtpListener();
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('platform', 7, { smtpUrl: await smtp.start() });
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it('reports health of PostgreSQL and Redis', async () => {
    const response = await app.client().get('/api/health');
    expect(response).toMatchObject({ status: 200, body: { status: 'ok', checks: { postgres: 'up', redis: 'up' } } });
  });

  it('answers 503 when Redis does not answer', async () => {
    const broken = await createApiApp(testConfig({ databaseUrl: app.config.databaseUrl, redisUrl: 'redis://127.0.0.1:1/0' }), { logs: false });
    try {
      const response = await broken.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'unavailable', checks: { postgres: 'up', redis: 'down' } });
    } finally {
      await broken.close();
    }
  });

  it('serves the OpenAPI document and the docs UI, with security headers', async () => {
    const document = await app.client().get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/orgs/{orgId}/members/{memberId}']));
    const docs = await app.client().get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    expect(docs.headers['x-frame-options']).toBeDefined();
  });

  it('opens the queue dashboard to admins only', async () => {
    expect((await app.client().get('/api/queues')).status).toBe(401);
    expect((await (await app.as('redaktion@musterstadt.example')).get('/api/queues')).status).toBe(403);
    const admin = await app.as('admin@musterstadt.example');
    const page = await admin.get<string>('/api/queues');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('Amtsplan Warteschlangen');
    const queues = await admin.get<{ queues: Array<{ name: string }> }>('/api/queues/api/queues');
    expect(queues.body.queues.map((q) => q.name).sort()).toEqual(['inbox-import', 'maintenance', 'notifications', 'publishing', 'reminders']);
  });

  it('has no drift between entities and migrations, and every migration can be undone', async () => {
    // A database of its own: undoing the migrations must not disturb the other tests.
    const owner = createDataSource(await createMigratedDatabase('amtsplan_it_schema'), 'owner', 1);
    await owner.initialize();
    try {
      expect(await detectSchemaDrift(owner)).toEqual({ up: [], down: [] });
      const applied = owner.migrations.length;
      for (let i = 0; i < applied; i++) await owner.undoLastMigration({ transaction: 'each' });
      const tables = await owner.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`);
      expect(tables).toEqual([]);
      await owner.runMigrations({ transaction: 'each' });
      expect(await detectSchemaDrift(owner)).toEqual({ up: [], down: [] });
    } finally {
      await owner.destroy();
    }
  });

  it('lets the operator create an authority and invite its first admin, without seeing tenant content', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await createOperator(app.owner, 'betrieb@amtsplan.example')).toBe(0);
    const password = String(log.mock.calls.flat().join('\n')).match(/Einmalpasswort[^:]*: (\S+)/)![1]!;
    log.mockRestore();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await createOperator(app.owner, 'betrieb@amtsplan.example')).toBe(1);

    const operator = app.client();
    await operator.login('betrieb@amtsplan.example', password);
    const created = await operator.post<{ organization: { id: string; name: string }; acceptUrl: string }>('/api/operator/organizations', {
      name: 'Gemeinde Neudorf',
      bundesland: 'SH',
      firstAdminEmail: 'buergermeisterin@neudorf.example',
    });
    expect(created.status).toBe(201);
    expect(created.body.acceptUrl).toContain('/einladung/');
    const list = await operator.get<Array<{ name: string }>>('/api/operator/organizations');
    expect(list.body.map((o) => o.name)).toEqual(['Gemeinde Neudorf', 'Landkreis Beispiel', 'Stadt Musterstadt']);

    const musterstadt = await app.organizationId('Stadt Musterstadt');
    expect((await operator.get(`/api/orgs/${musterstadt}/members`)).status).toBe(404);
    expect((await operator.get(`/api/orgs/${created.body.organization.id}/members`)).status).toBe(404);
    expect((await (await app.as('admin@musterstadt.example')).get('/api/operator/organizations')).status).toBe(403);

    const invitee = app.client();
    const token = created.body.acceptUrl.split('/einladung/')[1]!;
    const accepted = await invitee.post<{ memberships: Array<{ role: string; organization: { name: string } }> }>(`/api/invitations/${token}/accept`, {
      displayName: 'Bürgermeisterin Neudorf',
      password: 'ein-sehr-langes-Passwort',
    });
    expect(accepted.body.memberships).toEqual([{ id: expect.any(String), role: 'admin', organization: { id: created.body.organization.id, name: 'Gemeinde Neudorf' } }]);
  });

  it('serves the built frontend: hashed files cached for good, index.html revalidated, client routes fall back', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'amtsplan-frontend-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Amtsplan</title>');
    writeFileSync(join(dist, 'main-ABCDEFGH.js'), 'console.log(1)');
    const served = await createApiApp({ ...app.config, frontendDist: dist }, { logs: false });
    try {
      const asset = await served.inject({ method: 'GET', url: '/main-ABCDEFGH.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      for (const url of ['/index.html', '/o/123/einstellungen/mitglieder']) {
        const page = await served.inject({ method: 'GET', url });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('<title>Amtsplan</title>');
        expect(page.headers['cache-control']).toBe('no-cache');
      }
      const api = await served.inject({ method: 'GET', url: '/api/nichts' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await served.close();
    }
  });

  it('stops the api at start-up with a message naming an invalid variable', () => {
    let output = '';
    try {
      execFileSync(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'backend/src/api.ts'], {
        cwd: `${__dirname}/../../..`,
        env: { ...process.env, TS_NODE_PROJECT: 'backend/tsconfig.app.json', TS_NODE_TRANSPILE_ONLY: 'true', DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://127.0.0.1:6379', APP_ORIGIN: 'http://localhost:3000', SESSION_SECRET: 'x'.repeat(40), PORT: 'achtzig' },
        stdio: 'pipe',
        timeout: 60_000,
      });
    } catch (error) {
      const failure = error as { status: number; stderr: Buffer };
      expect(failure.status).toBe(1);
      output = failure.stderr.toString();
    }
    expect(output).toContain('DATABASE_URL');
    expect(output).toContain('PORT');
    expect(output).not.toContain('    at ');
  });
});

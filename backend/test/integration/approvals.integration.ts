import { canonicalApprovalContent, defaultApprovalRoute } from '@amtsplan/domain';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { createOperator } from '../../src/cli/operator-commands';
import { Database } from '../../src/database/database';
import { createDataSource } from '../../src/database/data-source';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createMigratedDatabase } from '../support/test-environment';

interface Person {
  id: string;
  displayName: string;
}
interface Route {
  id: string;
  name: string;
  priority: number;
  isDefault: boolean;
  conditions: Record<string, unknown>;
  steps: Array<Record<string, unknown>>;
  version: number;
}
interface Step {
  index: number;
  name: string;
  status: string;
  overdue: boolean;
  approvers: Person[];
  decisions: Array<{ user: Person; kind: string; comment: string | null; selfApproval: boolean }>;
}
interface Request {
  id: string;
  postId: string;
  post: { status: string; version: number };
  status: string;
  route: { id: string | null; name: string };
  contentHash: string;
  content: { channels: Array<{ channelId: string; text: string }>; media: Array<{ id: string; contentHash: string; altText: string }> };
  author: Person;
  steps: Step[];
  currentStepIndex: number | null;
  awaitingDecisionFrom: Person[];
  myDecision: { allowed: boolean; reason: string | null };
  neutralityWarning: string | null;
  voidReasons: Array<{ kind: string; message: string }>;
}
interface Post {
  id: string;
  status: string;
  version: number;
  text: string;
  variants: Array<{ channelId: string; text: string | null }>;
  planning: { kind: 'unplanned' } | { kind: 'day'; date: string } | { kind: 'time'; at: string };
  media: Array<{ id: string; altText: string; version: number }>;
}
interface Problem {
  status: number;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}
interface InboxItem {
  requestId: string;
  overdue: boolean;
}
interface Inbox {
  waitingForMe: InboxItem[];
  submittedByMe: InboxItem[];
  overdue: InboxItem[];
}

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

describe('Freigabe: routes, submission, four-eyes decisions, voiding and the inbox', () => {
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let editor: ApiClient;
  let leitung: ApiClient;
  let fachbereich: ApiClient;
  let reader: ApiClient;
  const userIds: Record<string, string> = {};
  let mastodon: string;
  let bluesky: string;
  let crisisRoute: Route;

  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const createPost = async (client: ApiClient, body: Record<string, unknown>) => {
    const created = await client.post<Post>(url('/posts'), body);
    expect(created.status).toBe(201);
    return created.body;
  };
  const submit = (client: ApiClient, post: Pick<Post, 'id' | 'version'>) => client.post<Request & Problem>(url(`/posts/${post.id}/submit`), { version: post.version });
  const decide = (client: ApiClient, request: Pick<Request, 'id' | 'contentHash'>, stepIndex: number, decision = 'approve', comment?: string) =>
    client.post<Request & Problem>(url(`/approval-requests/${request.id}/decisions`), { decision, stepIndex, contentHash: request.contentHash, ...(comment ? { comment } : {}) });
  const approvalOf = (client: ApiClient, postId: string) => client.get<Request & Problem>(url(`/posts/${postId}/approval`));
  const postOf = async (postId: string) => (await editor.get<Post>(url(`/posts/${postId}`))).body;
  const auditDetails = async (action: string, objectId: string) =>
    (await app.owner.query(`SELECT details FROM audit_events WHERE action = $1 AND object_id = $2 ORDER BY id`, [action, objectId])).map(
      (row: { details: Record<string, unknown> }) => row.details,
    );
  const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

  beforeAll(async () => {
    app = await startTestApp('approvals', 14);
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, editor, leitung, fachbereich, reader] = await Promise.all(
      ['admin', 'redaktion', 'leitung', 'fachbereich', 'lesen'].map((name) => app.as(`${name}@musterstadt.example`)),
    );
    const members = await admin.get<Array<{ user: { id: string; email: string } }>>(url('/members'));
    for (const member of members.body) userIds[member.user.email.split('@')[0]!] = member.user.id;
    mastodon = (await editor.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' })).body.id;
    bluesky = (await editor.post<{ id: string }>(url('/channels'), { platform: 'bluesky', name: 'Bluesky Stadt', color: '#1185fe' })).body.id;
  });
  afterAll(() => app.close());

  describe('routes and settings', () => {
    it('seeds the default route "Redaktion → Leitung" and settings without self-approval for every organization', async () => {
      const routes = await editor.get<Route[]>(url('/approval-routes'));
      expect(routes.status).toBe(200);
      expect(routes.body).toHaveLength(1);
      const [seeded] = routes.body;
      const expected = defaultApprovalRoute(seeded!.id);
      expect(seeded).toMatchObject({ name: expected.name, isDefault: true, priority: 0, conditions: {}, version: 1 });
      expect(seeded!.steps).toEqual(expected.steps.map((step) => ({ skipWhenSubmittedBy: [], ...step })));
      const landkreis = await app.organizationId('Landkreis Beispiel');
      const other = await (await app.as('admin@landkreis-beispiel.example')).get<Route[]>(`/api/orgs/${landkreis}/approval-routes`);
      expect(other.body.map((r) => [r.name, r.isDefault])).toEqual([['Redaktion → Leitung', true]]);
      expect(other.body[0]!.id).not.toBe(seeded!.id);
      const settings = await reader.get(url('/approval-settings'));
      expect(settings.body).toMatchObject({ allowSelfApproval: false, electionBlackoutPeriods: [], version: 1 });
    });

    it('seeds them when the operator creates an organization, within the operator\'s narrow scope', async () => {
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      expect(await createOperator(app.owner, 'betrieb@amtsplan.example')).toBe(0);
      const password = String(log.mock.calls.flat().join('\n')).match(/Einmalpasswort[^:]*: (\S+)/)![1]!;
      log.mockRestore();
      const operator = app.client();
      await operator.login('betrieb@amtsplan.example', password);
      const created = await operator.post<{ organization: { id: string } }>('/api/operator/organizations', {
        name: 'Gemeinde Freigabedorf',
        bundesland: 'HE',
        firstAdminEmail: 'admin@freigabedorf.example',
      });
      expect(created.status).toBe(201);
      const id = created.body.organization.id;
      const routes = await app.owner.query('SELECT name, is_default, steps FROM approval_routes WHERE organization_id = $1', [id]);
      expect(routes).toEqual([{ name: 'Redaktion → Leitung', is_default: true, steps: defaultApprovalRoute('x').steps }]);
      expect(await app.owner.query('SELECT allow_self_approval FROM approval_settings WHERE organization_id = $1', [id])).toEqual([{ allow_self_approval: false }]);
    });

    it('gives organizations that existed before the migration the default route too', async () => {
      const owner = createDataSource(await createMigratedDatabase('amtsplan_it_approvals_migration'), 'owner', 1);
      await owner.initialize();
      try {
        const latest = async () => Number((await owner.query('SELECT max(timestamp) AS t FROM schema_migrations'))[0].t);
        while ((await latest()) >= 1795400400000) await owner.undoLastMigration({ transaction: 'each' });
        const [{ id }] = await owner.query(`INSERT INTO organizations (name, bundesland) VALUES ('Altbestand', 'NW') RETURNING id`);
        await owner.runMigrations({ transaction: 'each' });
        const routes = await owner.query('SELECT id, name, priority, is_default, conditions, steps FROM approval_routes WHERE organization_id = $1', [id]);
        expect(routes).toHaveLength(1);
        const expected = defaultApprovalRoute(routes[0].id);
        expect(routes[0]).toEqual({ id: expected.id, name: expected.name, priority: 0, is_default: true, conditions: {}, steps: expected.steps });
        const settings = await owner.query('SELECT allow_self_approval, election_blackout_periods FROM approval_settings WHERE organization_id = $1', [id]);
        expect(settings).toEqual([{ allow_self_approval: false, election_blackout_periods: [] }]);
      } finally {
        await owner.destroy();
      }
    });

    it('creates, changes (409 on a stale version) and deletes routes; admins only', async () => {
      const created = await admin.post<Route>(url('/approval-routes'), {
        name: 'Krisenkommunikation',
        priority: 10,
        conditions: { tags: ['Krisenkommunikation'] },
        steps: [
          { name: 'Pressestelle', approvers: { kind: 'users', userIds: [userIds['redaktion'], userIds['leitung']] }, mode: 'any', due: { kind: 'after_submission', hours: 4 } },
          { name: 'Leitung', approvers: { kind: 'users', userIds: [userIds['redaktion'], userIds['leitung']] }, mode: 'any', due: { kind: 'before_planned', hours: 2 } },
        ],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ isDefault: false, priority: 10, version: 1, conditions: { tags: ['Krisenkommunikation'] } });
      crisisRoute = created.body;
      expect((await editor.post(url('/approval-routes'), { name: 'Darf nicht', conditions: { sensitiveTopic: true }, steps: [] })).status).toBe(403);

      const renamed = await admin.patch<Route>(url(`/approval-routes/${crisisRoute.id}`), { version: 1, name: 'Krisenkommunikation (Stab)' });
      expect(renamed.body).toMatchObject({ name: 'Krisenkommunikation (Stab)', version: 2 });
      expect((await admin.patch(url(`/approval-routes/${crisisRoute.id}`), { version: 1, priority: 5 })).status).toBe(409);
      crisisRoute = renamed.body;

      const temporary = await admin.post<Route>(url('/approval-routes'), {
        name: 'Sensible Themen',
        conditions: { sensitiveTopic: true },
        steps: [{ name: 'Leitung', approvers: { kind: 'role', role: 'approver' }, mode: 'any', due: { kind: 'after_submission', hours: 24 } }],
      });
      expect(temporary.status).toBe(201);
      expect((await admin.delete(url(`/approval-routes/${temporary.body.id}`))).status).toBe(204);
      const [standard] = (await admin.get<Route[]>(url('/approval-routes'))).body.filter((r) => r.isDefault);
      const refused = await admin.delete<Problem>(url(`/approval-routes/${standard!.id}`));
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toContain('Standardroute');
      expect((await admin.get<Route[]>(url('/approval-routes'))).body.map((r) => r.name)).toEqual(['Krisenkommunikation (Stab)', 'Redaktion → Leitung']);
      const actions = await app.owner.query(`SELECT action FROM audit_events WHERE object_type = 'approval_route' ORDER BY id`);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['approval_route.created', 'approval_route.updated', 'approval_route.created', 'approval_route.deleted']);
    });

    it('validates routes with German field problems from the domain and against the members', async () => {
      const bad = await admin.post<Problem>(url('/approval-routes'), {
        name: 'Redaktion → Leitung',
        conditions: {},
        steps: [
          { name: 'Lesen', approvers: { kind: 'role', role: 'viewer' }, mode: 'any', due: { kind: 'after_submission', hours: 0 } },
          { name: 'Fachbereich', approvers: { kind: 'users', userIds: [userIds['fachbereich']] }, mode: 'all', due: { kind: 'before_planned', hours: 12 } },
        ],
      });
      expect(bad.status).toBe(400);
      const byPath = Object.fromEntries(bad.body.errors!.map((e) => [e.path, e.message]));
      expect(byPath).toMatchObject({
        conditions: expect.stringContaining('mindestens eine Bedingung'),
        name: expect.stringContaining('bereits vergeben'),
        'steps.0.due.hours': expect.stringContaining('ganze Zahl von 1 bis 720'),
        'steps.0.approvers.role': expect.stringContaining('„Lesezugriff“ darf nicht freigeben'),
        'steps.1.approvers.userIds.0': expect.stringContaining('darf nicht freigeben'),
      });
      const [standard] = (await admin.get<Route[]>(url('/approval-routes'))).body.filter((r) => r.isDefault);
      const conditioned = await admin.patch<Problem>(url(`/approval-routes/${standard!.id}`), { version: standard!.version, conditions: { tags: ['x'] } });
      expect(conditioned.status).toBe(400);
      expect(conditioned.body.errors!.map((e) => e.path)).toEqual(['conditions']);
    });

    it('audits switching self-approval specially and validates blackout periods', async () => {
      const bad = await admin.patch<Problem>(url('/approval-settings'), { version: 1, electionBlackoutPeriods: [{ from: '2026-09-20', to: '2026-09-01' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ path: 'electionBlackoutPeriods.0.to', message: 'Der letzte Tag liegt vor dem ersten.' }]);
      expect((await editor.patch(url('/approval-settings'), { version: 1, allowSelfApproval: true })).status).toBe(403);
      const periods = await admin.patch(url('/approval-settings'), { version: 1, electionBlackoutPeriods: [{ from: '2030-08-01', to: '2030-09-15', label: 'Kommunalwahl 2030' }] });
      expect(periods.body).toMatchObject({ version: 2, allowSelfApproval: false, electionBlackoutPeriods: [{ from: '2030-08-01', to: '2030-09-15', label: 'Kommunalwahl 2030' }] });
      expect((await admin.patch(url('/approval-settings'), { version: 1, allowSelfApproval: true })).status).toBe(409);
      const actions = await app.owner.query(`SELECT action FROM audit_events WHERE object_type = 'approval_settings' ORDER BY id`);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['approval_settings.updated']);
    });
  });

  describe('submission', () => {
    it('refuses a post with hard findings, or without a channel, with 422 and German field problems', async () => {
      const tooLong = await createPost(editor, { workingTitle: 'Zu lang', text: 'A'.repeat(301), variants: [{ channelId: mastodon, text: null }, { channelId: bluesky, text: null }] });
      const refused = await submit(editor, tooLong);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ path: 'variants.1.text', message: expect.stringContaining('Text zu lang für Bluesky') }]);
      const nowhere = await createPost(editor, { workingTitle: 'Ohne Kanal', text: 'Hallo' });
      const noChannel = await submit(editor, nowhere);
      expect(noChannel.status).toBe(422);
      expect(noChannel.body.errors!.map((e) => e.path)).toEqual(['variants']);
      expect((await postOf(tooLong.id)).status).toBe('draft');
      expect(await app.owner.query('SELECT id FROM approval_requests WHERE post_id = ANY($1)', [[tooLong.id, nowhere.id]])).toEqual([]);
    });

    it('binds the request to the SHA-256 of the canonical content and moves the post into approval', async () => {
      const at = inDays(10);
      const post = await createPost(editor, { workingTitle: 'Stadtfest', text: 'Samstag ist #Stadtfest!', variants: [{ channelId: mastodon, text: null }], planning: { kind: 'time', at } });
      const submitted = await submit(editor, post);
      expect(submitted.status).toBe(201);
      const canonical = canonicalApprovalContent({ text: post.text, variants: post.variants, media: [], planning: { kind: 'time', at } });
      expect(submitted.body).toMatchObject({
        status: 'pending',
        contentHash: sha256(canonical),
        route: { name: 'Redaktion → Leitung' },
        post: { status: 'in_approval', version: 2 },
        content: { channels: [{ channelId: mastodon, text: 'Samstag ist #Stadtfest!' }], media: [] },
        currentStepIndex: 1,
      });
      // The Redaktion submitted it, so its own step is skipped; the Leitung decides.
      expect(submitted.body.steps.map((s) => s.status)).toEqual(['skipped', 'open']);
      expect(submitted.body.awaitingDecisionFrom.map((p) => p.id)).toEqual([userIds['leitung']]);
      expect(submitted.body.myDecision.allowed).toBe(false);
      const [stored] = await app.owner.query('SELECT canonical_content FROM approval_requests WHERE id = $1', [submitted.body.id]);
      expect(stored.canonical_content).toBe(canonical);
      expect(await auditDetails('approval.submitted', submitted.body.id)).toEqual([expect.objectContaining({ postId: post.id, contentHash: sha256(canonical) })]);
      expect((await submit(editor, post)).status).toBe(409);
      const again = await submit(editor, { id: post.id, version: 2 });
      expect(again.status).toBe(422);
      expect(again.body.detail).toContain('„In Freigabe“');
      // Seen by the Leitung, who may decide.
      const seen = await approvalOf(leitung, post.id);
      expect(seen.body.myDecision).toEqual({ allowed: true, reason: null });
    });

    it('refuses a submission whose route nobody but the authors could decide', async () => {
      const post = await createPost(editor, { workingTitle: 'Krise', text: 'Wichtige Durchsage', tags: ['krisenkommunikation'], variants: [{ channelId: mastodon, text: null }] });
      const refused = await submit(editor, post);
      expect(refused.status).toBe(422);
      expect(refused.body.errors![0]!.message).toContain('jede Person darf nur einen Schritt entscheiden');
    });

    it('lets a Fachbereich submit its own posts only, and readers not at all', async () => {
      const foreign = await createPost(editor, { workingTitle: 'Fremd', text: 'x', variants: [{ channelId: mastodon, text: null }] });
      expect((await submit(fachbereich, foreign)).status).toBe(403);
      expect((await submit(reader, foreign)).status).toBe(403);
    });

    it('shows the neutrality warning for a post planned in an election blackout period', async () => {
      const post = await createPost(editor, { workingTitle: 'Wahlaufruf', text: 'Gehen Sie wählen!', variants: [{ channelId: mastodon, text: null }], planning: { kind: 'day', date: '2030-09-01' } });
      const submitted = await submit(editor, post);
      expect(submitted.body.neutralityWarning).toContain('in der Vorwahlzeit geplant (Kommunalwahl 2030, 01.08.2030 bis 15.09.2030)');
    });
  });

  describe('decisions', () => {
    it('keeps the author from deciding (four-eyes) unless self-approval is allowed, which is audited', async () => {
      const created = await admin.post<Route>(url('/approval-routes'), {
        name: 'Stellenanzeigen',
        priority: 20,
        conditions: { tags: ['Stellenanzeige'] },
        steps: [{ name: 'Personalamt', approvers: { kind: 'users', userIds: [userIds['redaktion'], userIds['leitung']] }, mode: 'any', due: { kind: 'after_submission', hours: 24 } }],
      });
      expect(created.status).toBe(201);
      const post = await createPost(editor, { workingTitle: 'Wir suchen Sie', text: 'Stelle frei', tags: ['Stellenanzeige'], variants: [{ channelId: mastodon, text: null }] });
      const request = (await submit(editor, post)).body;
      expect(request.route.name).toBe('Stellenanzeigen');
      const refused = await decide(editor, request, 0);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('Vier-Augen-Prinzip');

      const settings = await admin.get<{ version: number }>(url('/approval-settings'));
      expect((await admin.patch(url('/approval-settings'), { version: settings.body.version, allowSelfApproval: true })).status).toBe(200);
      const own = await decide(editor, request, 0);
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ status: 'approved', post: { status: 'approved' } });
      expect(own.body.steps[0]!.decisions).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: userIds['redaktion'] }), kind: 'approve', selfApproval: true })]);
      expect(await auditDetails('approval.self_approved', request.id)).toEqual([expect.objectContaining({ postId: post.id, contentHash: request.contentHash })]);
      const switched = await app.owner.query(`SELECT actor_user_id, details FROM audit_events WHERE action = 'approval_settings.self_approval_changed'`);
      expect(switched).toEqual([{ actor_user_id: userIds['admin'], details: expect.objectContaining({ from: false, to: true }) }]);
      await admin.patch(url('/approval-settings'), { version: settings.body.version + 1, allowSelfApproval: false });
    });

    it('lets nobody decide two steps, needs a comment for changes, and approves through the whole route', async () => {
      const post = await createPost(fachbereich, {
        workingTitle: 'Hochwasserwarnung',
        text: 'Pegel steigt, bitte Keller räumen.',
        tags: ['Krisenkommunikation'],
        variants: [{ channelId: mastodon, text: null }],
        planning: { kind: 'time', at: inDays(3) },
      });
      const request = (await submit(fachbereich, post)).body;
      expect(request).toMatchObject({ status: 'pending', route: { id: crisisRoute.id, name: 'Krisenkommunikation (Stab)' }, currentStepIndex: 0 });
      expect((await decide(reader, request, 0)).status).toBe(403);
      expect((await decide(fachbereich, request, 0)).status).toBe(403);

      expect((await decide(leitung, request, 0)).body).toMatchObject({ status: 'pending', currentStepIndex: 1, post: { status: 'in_approval' } });
      const twice = await decide(leitung, request, 1);
      expect(twice.status).toBe(403);
      expect(twice.body.detail).toContain('bereits einen anderen Schritt');
      expect((await decide(editor, request, 0)).status).toBe(409);
      const noComment = await decide(editor, request, 1, 'request_changes');
      expect(noComment.status).toBe(400);
      expect(noComment.body.errors).toEqual([{ path: 'comment', message: 'Bitte beschreiben Sie, was geändert werden soll.' }]);

      const approved = await decide(editor, request, 1);
      expect(approved.status).toBe(201);
      // Approved with an exact time: on to "Geplant" (publishing.integration.ts covers what follows).
      expect(approved.body).toMatchObject({ status: 'approved', currentStepIndex: null, post: { status: 'scheduled' } });
      expect(approved.body.steps.map((s) => [s.status, s.decisions.map((d) => d.user.id)])).toEqual([
        ['approved', [userIds['leitung']]],
        ['approved', [userIds['redaktion']]],
      ]);
      expect((await postOf(post.id)).status).toBe('scheduled');
      const decisions = await app.owner.query('SELECT step_index, user_id, kind, content_hash FROM approval_decisions WHERE request_id = $1 ORDER BY decided_at', [request.id]);
      expect(decisions).toEqual([
        { step_index: 0, user_id: userIds['leitung'], kind: 'approve', content_hash: request.contentHash },
        { step_index: 1, user_id: userIds['redaktion'], kind: 'approve', content_hash: request.contentHash },
      ]);
      expect((await decide(admin, request, 1)).status).toBe(409);
    });

    it('voids an approval when its content changes afterwards, with the reasons, and sends the post back to draft', async () => {
      const post = await createPost(editor, { workingTitle: 'Bürgerbüro', text: 'Neue Öffnungszeiten', variants: [{ channelId: mastodon, text: null }], planning: { kind: 'time', at: inDays(5) } });
      const request = (await submit(editor, post)).body;
      expect((await decide(leitung, request, 1)).body.status).toBe('approved');
      const approved = await postOf(post.id);
      // Not hashed: the working title may change without touching the approval.
      const retitled = await editor.patch<Post>(url(`/posts/${post.id}`), { version: approved.version, workingTitle: 'Bürgerbüro (neu)' });
      expect(retitled.body.status).toBe('scheduled');
      const edited = await editor.patch<Post>(url(`/posts/${post.id}`), {
        version: retitled.body.version,
        variants: [{ channelId: mastodon, text: 'Neue Öffnungszeiten ab Montag' }],
        planning: { kind: 'time', at: inDays(6) },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ status: 'draft', version: retitled.body.version + 1 });
      const voided = (await approvalOf(editor, post.id)).body;
      expect(voided).toMatchObject({ id: request.id, status: 'voided' });
      expect(voided.voidReasons).toEqual([
        { kind: 'channel-text', message: 'Text für Kanal Mastodon Stadt geändert' },
        { kind: 'planning', message: 'Zeitpunkt geändert' },
      ]);
      expect(await auditDetails('approval.voided', request.id)).toEqual([
        expect.objectContaining({ postId: post.id, requestStatus: 'approved', reasons: ['Text für Kanal Mastodon Stadt geändert', 'Zeitpunkt geändert'], approvedContentHash: request.contentHash }),
      ]);
      const history = await editor.get<Array<{ version: number; changedFields: string[] }>>(url(`/posts/${post.id}/versions`));
      expect(history.body[0]!.changedFields).toEqual(expect.arrayContaining(['variants', 'planning', 'status']));
      // A new submission binds the new content.
      const again = await submit(editor, edited.body);
      expect(again.status).toBe(201);
      expect(again.body.contentHash).not.toBe(request.contentHash);
    });

    it('voids a running request when an image or its alt text changes', async () => {
      const post = await createPost(editor, { workingTitle: 'Mit Bild', text: 'Unser Rathaus', variants: [{ channelId: mastodon, text: null }] });
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
      const uploaded = await editor.uploadImage<Post>(url(`/posts/${post.id}/media`), png, 'Rathaus im Sonnenschein');
      expect(uploaded.status).toBe(201);
      const [row] = await app.owner.query('SELECT storage_key, content_hash FROM post_media WHERE post_id = $1', [post.id]);
      expect(row.content_hash).toBe(sha256(readFileSync(join(app.config.mediaDir, orgId, row.storage_key))));
      const request = (await submit(editor, uploaded.body)).body;
      expect(request.content.media).toEqual([{ id: uploaded.body.media[0]!.id, contentHash: row.content_hash, altText: 'Rathaus im Sonnenschein' }]);
      const image = uploaded.body.media[0]!;
      const changed = await editor.patch<Post>(url(`/posts/${post.id}/media/${image.id}`), { version: image.version, altText: 'Rathaus bei Regen' });
      expect(changed.body.status).toBe('draft');
      const voided = (await approvalOf(editor, post.id)).body;
      expect(voided).toMatchObject({ status: 'voided', voidReasons: [{ kind: 'alt-text', message: 'Alternativtext von Bild 1 geändert' }] });
    });

    it('hashes images stored before files were hashed when an approval first reads them', async () => {
      const post = await createPost(editor, { workingTitle: 'Altes Bild', text: 'Archivfoto', variants: [{ channelId: mastodon, text: null }] });
      const png = await sharp({ create: { width: 6, height: 6, channels: 3, background: '#aa3366' } }).png().toBuffer();
      const uploaded = await editor.uploadImage<Post>(url(`/posts/${post.id}/media`), png, 'Archivfoto vom Marktplatz');
      await app.owner.query('UPDATE post_media SET content_hash = NULL WHERE post_id = $1', [post.id]);
      const request = (await submit(editor, uploaded.body)).body;
      const [row] = await app.owner.query('SELECT storage_key, content_hash FROM post_media WHERE post_id = $1', [post.id]);
      expect(row.content_hash).toBe(sha256(readFileSync(join(app.config.mediaDir, orgId, row.storage_key))));
      expect(request.content.media[0]!.contentHash).toBe(row.content_hash);
    });

    it('answers 409 to a decision about content that is no longer the request\'s', async () => {
      const post = await createPost(editor, { workingTitle: 'Baustelle', text: 'Vollsperrung Hauptstraße', variants: [{ channelId: mastodon, text: null }] });
      const request = (await submit(editor, post)).body;
      const stale = await decide(leitung, { id: request.id, contentHash: 'f'.repeat(64) }, 1);
      expect(stale.status).toBe(409);
      expect(stale.body.detail).toContain('Der Inhalt wurde geändert');
      // The approver looked, then the editor changed the text: the request was voided meanwhile.
      await editor.patch(url(`/posts/${post.id}`), { version: 2, text: 'Teilsperrung Hauptstraße' });
      const late = await decide(leitung, request, 1);
      expect(late.status).toBe(409);
      expect(late.body.detail).toContain('Ungültig (Inhalt geändert)');
    });

    it('asks for changes with a comment: the post waits for changes, and a new submission follows', async () => {
      const post = await createPost(editor, { workingTitle: 'Sommerferien', text: 'Ferienprogramm', variants: [{ channelId: mastodon, text: null }] });
      const request = (await submit(editor, post)).body;
      const asked = await decide(leitung, request, 1, 'request_changes', 'Bitte das Anmeldedatum ergänzen.');
      expect(asked.body).toMatchObject({ status: 'changes_requested', post: { status: 'changes_requested' } });
      expect(asked.body.steps[1]!.decisions[0]).toMatchObject({ kind: 'request_changes', comment: 'Bitte das Anmeldedatum ergänzen.' });
      const fixed = await editor.patch<Post>(url(`/posts/${post.id}`), { version: asked.body.post.version, text: 'Ferienprogramm, Anmeldung bis 1. Juli' });
      expect(fixed.body.status).toBe('changes_requested');
      const resubmitted = await submit(editor, fixed.body);
      expect(resubmitted.body).toMatchObject({ status: 'pending', post: { status: 'in_approval' } });
      expect((await approvalOf(leitung, post.id)).body.id).toBe(resubmitted.body.id);
    });

    it('rejects: the post goes back to draft', async () => {
      const post = await createPost(editor, { workingTitle: 'Umstritten', text: 'Meinung', variants: [{ channelId: mastodon, text: null }] });
      const request = (await submit(editor, post)).body;
      expect((await decide(leitung, request, 1, 'reject')).body).toMatchObject({ status: 'rejected', post: { status: 'draft' } });
    });

    it('withdraws a running request; the post returns to draft', async () => {
      const post = await createPost(editor, { workingTitle: 'Zurückgezogen', text: 'Doch nicht', variants: [{ channelId: mastodon, text: null }] });
      const request = (await submit(editor, post)).body;
      const withdrawn = await editor.post<Request>(url(`/posts/${post.id}/withdraw`));
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ id: request.id, status: 'withdrawn', post: { status: 'draft' } });
      expect((await editor.post(url(`/posts/${post.id}/withdraw`))).status).toBe(422);
      expect(await auditDetails('approval.withdrawn', request.id)).toHaveLength(1);
    });

    it('keeps decisions as a record the app cannot change', async () => {
      const database = app.api.get(Database);
      await expect(database.transaction({ organizationId: orgId }, ({ manager }) => manager.query(`UPDATE approval_decisions SET kind = 'reject'`))).rejects.toThrow(/permission denied/);
      await expect(database.transaction({ organizationId: orgId }, ({ manager }) => manager.query('DELETE FROM approval_decisions'))).rejects.toThrow(/permission denied/);
      await expect(database.transaction({ organizationId: orgId }, ({ manager }) => manager.query('DELETE FROM approval_requests'))).rejects.toThrow(/permission denied/);
    });
  });

  describe('inbox and tenant separation', () => {
    it('lists what waits for me, what I submitted and what is overdue', async () => {
      // Twelve hours before a time two hours away is already past: the Leitung's step is overdue at once.
      const soon = await createPost(editor, { workingTitle: 'Eilig', text: 'Heute Abend', variants: [{ channelId: mastodon, text: null }], planning: { kind: 'time', at: new Date(Date.now() + 2 * 3600_000).toISOString() } });
      const urgent = (await submit(editor, soon)).body;
      expect(urgent.steps[1]!.overdue).toBe(true);
      const later = await createPost(editor, { workingTitle: 'Später', text: 'Nächsten Monat', variants: [{ channelId: mastodon, text: null }], planning: { kind: 'time', at: inDays(30) } });
      const relaxed = (await submit(editor, later)).body;

      const forLeitung = (await leitung.get<Inbox>(url('/approvals/inbox'))).body;
      const ids = (items: InboxItem[]) => items.map((i) => i.requestId);
      expect(ids(forLeitung.waitingForMe)).toEqual(expect.arrayContaining([urgent.id, relaxed.id]));
      expect(ids(forLeitung.overdue)).toContain(urgent.id);
      expect(ids(forLeitung.overdue)).not.toContain(relaxed.id);
      expect(forLeitung.submittedByMe).toEqual([]);

      const forEditor = (await editor.get<Inbox>(url('/approvals/inbox'))).body;
      expect(ids(forEditor.waitingForMe)).not.toContain(urgent.id);
      expect(ids(forEditor.submittedByMe)).toEqual(expect.arrayContaining([urgent.id, relaxed.id]));
      expect(ids(forEditor.overdue)).toContain(urgent.id);

      const forReader = (await reader.get<Inbox>(url('/approvals/inbox'))).body;
      expect(forReader).toEqual({ waitingForMe: [], submittedByMe: [], overdue: [] });
    });

    it("answers 404 to another organization's member for this organization's approvals", async () => {
      const post = await createPost(editor, { workingTitle: 'Intern', text: 'Nur für uns', variants: [{ channelId: mastodon, text: null }] });
      const request = (await submit(editor, post)).body;
      const landkreis = await app.organizationId('Landkreis Beispiel');
      const intruder = await app.as('admin@landkreis-beispiel.example');
      expect((await intruder.get(url(`/posts/${post.id}/approval`))).status).toBe(404);
      expect((await intruder.get(`/api/orgs/${landkreis}/posts/${post.id}/approval`)).status).toBe(404);
      const foreignDecision = await intruder.post(`/api/orgs/${landkreis}/approval-requests/${request.id}/decisions`, { decision: 'approve', stepIndex: 1, contentHash: request.contentHash });
      expect(foreignDecision.status).toBe(404);
      expect((await intruder.post(`/api/orgs/${landkreis}/posts/${post.id}/withdraw`)).status).toBe(404);
      const inbox = (await intruder.get<Inbox>(`/api/orgs/${landkreis}/approvals/inbox`)).body;
      expect(inbox.waitingForMe).toEqual([]);
      expect((await approvalOf(editor, post.id)).body.status).toBe('pending');
    });
  });
});

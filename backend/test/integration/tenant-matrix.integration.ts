import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { API_CONTROLLERS } from '../../src/app/api.module';
import { PUBLIC_ROUTE } from '../../src/auth/request-auth';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface Route {
  readonly method: Method;
  readonly path: string;
  readonly isPublic: boolean;
}

const METHODS: Partial<Record<RequestMethod, Method>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
};

/** Every route of every api controller, read from Nest's own route metadata. */
function registeredRoutes(): Route[] {
  const routes: Route[] = [];
  for (const controller of API_CONTROLLERS) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const classPublic = Reflect.getMetadata(PUBLIC_ROUTE, controller) === true;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as unknown as Record<string, unknown>)[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const methodCode = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodCode === undefined) continue;
      const method = METHODS[methodCode];
      if (!method) throw new Error(`${controller.name}.${name}: unsupported method ${methodCode}`);
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const path = ['/api', base, sub].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/');
      routes.push({ method, path: `/${path}`, isPublic: classPublic || Reflect.getMetadata(PUBLIC_ROUTE, handler) === true });
    }
  }
  return routes;
}

/** Routes that work without a session: adding one here is a conscious decision. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/login',
  'GET /api/auth/csrf',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  // Calendar apps subscribe without a session; the secret token in the address is the key.
  'GET /api/calendar/:token.ics',
];

/** Logged-in routes outside any organization: everything else must live under /api/orgs/:orgId. */
const USER_ROUTES = [
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'PATCH /api/auth/me',
  'GET /api/operator/organizations',
  'POST /api/operator/organizations',
  // The bell: a person's own notifications from all their organizations (row-level security: recipient and member).
  'GET /api/notifications',
  'GET /api/notifications/unread-count',
  'POST /api/notifications/:notificationId/read',
  'POST /api/notifications/read-all',
  'GET /api/notifications/stream',
  'GET /api/notification-preferences',
  'PUT /api/notification-preferences',
  // The learning program's content: the same for everyone, no authority's data in it.
  'GET /api/program/curriculum',
  // Facilitators (an installation-wide grant) lead runs across authorities; row-level security: their own runs.
  'GET /api/program/authorities',
  'GET /api/program/runs',
  'POST /api/program/runs',
  'GET /api/program/runs/:runId',
  'POST /api/program/runs/:runId/unlock',
  'POST /api/program/runs/:runId/cohorts',
  'POST /api/program/cohorts/:cohortId/enrolments',
  // A cohort is the one space across authorities; row-level security: its participants and its run's facilitator.
  'GET /api/program/cohorts/:cohortId',
  'GET /api/program/cohorts/:cohortId/calendar.ics',
  'GET /api/program/cohorts/:cohortId/shares/:shareId',
  'POST /api/program/cohorts/:cohortId/shares/:shareId/comments',
  'PUT /api/program/cohorts/:cohortId/shares/:shareId/reaction',
  'DELETE /api/program/cohorts/:cohortId/shares/:shareId',
  'GET /api/program/cohorts/:cohortId/shares/:shareId/image',
];

/** Routes across authorities that a member of B must not reach with A's ids (B is in no cohort here). */
const COHORT_ROUTES = USER_ROUTES.filter((route) => /:(runId|cohortId)/.test(route));

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A body that passes validation, so that a 404 is about the object, not about the input. */
const VALID_BODIES: Record<string, unknown> = {
  'PATCH /api/orgs/:orgId/members/:memberId': { role: 'viewer', version: 1 },
  'POST /api/orgs/:orgId/invitations': { email: 'matrix@landkreis-beispiel.example', role: 'viewer' },
  'PATCH /api/orgs/:orgId/channels/:channelId': { version: 1, name: 'Übernommen' },
  'PATCH /api/orgs/:orgId/topics/:topicId': { version: 1, name: 'Übernommen' },
  'PATCH /api/orgs/:orgId/posts/:postId': { version: 1, workingTitle: 'Übernommen' },
  'POST /api/orgs/:orgId/posts/:postId/comments': { body: 'Übernommen' },
  'PATCH /api/orgs/:orgId/posts/:postId/media/:mediaId': { version: 1, altText: 'Übernommen' },
  'POST /api/orgs/:orgId/channels': { platform: 'mastodon', name: 'Fremd', color: '#123456' },
  'POST /api/orgs/:orgId/topics': { name: 'Fremd', color: '#123456' },
  'POST /api/orgs/:orgId/posts': { workingTitle: 'Fremd' },
  'POST /api/orgs/:orgId/calendar-feeds': { label: 'Fremd' },
  'POST /api/orgs/:orgId/posts/:postId/status': { to: 'archived', version: 1 },
  'POST /api/orgs/:orgId/series': { name: 'Fremd', rrule: 'FREQ=DAILY', start: '2026-11-01T09:00' },
  'PATCH /api/orgs/:orgId/series/:seriesId': { version: 1, name: 'Übernommen' },
  'POST /api/orgs/:orgId/series/:seriesId/slots': { at: '2026-11-03T08:00:00Z' },
  'POST /api/orgs/:orgId/approval-routes': {
    name: 'Fremd',
    conditions: { sensitiveTopic: true },
    steps: [{ name: 'Leitung', approvers: { kind: 'role', role: 'approver' }, mode: 'any', due: { kind: 'after_submission', hours: 24 } }],
  },
  'PATCH /api/orgs/:orgId/approval-routes/:routeId': { version: 1, name: 'Übernommen' },
  'PATCH /api/orgs/:orgId/approval-settings': { version: 1, allowSelfApproval: true },
  'POST /api/orgs/:orgId/inbox/items': { authorHandle: '@fremd', text: 'Fremder Kommentar' },
  'POST /api/orgs/:orgId/inbox/items/import': { csv: 'autor;text\n@fremd;Fremd' },
  'PATCH /api/orgs/:orgId/inbox/items/:itemId/assignee': { version: 1, assigneeUserId: null },
  'PATCH /api/orgs/:orgId/inbox/items/:itemId/category': { version: 1, category: 'spam' },
  'PATCH /api/orgs/:orgId/inbox/items/:itemId/status': { version: 1, status: 'escalated' },
  'POST /api/orgs/:orgId/inbox/items/:itemId/notes': { body: 'Fremde Notiz' },
  'POST /api/orgs/:orgId/inbox/items/:itemId/forward': { version: 1, department: 'Fremd', departmentUserId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/orgs/:orgId/inbox/items/:itemId/department-draft': { version: 1, body: 'Fremd' },
  'POST /api/orgs/:orgId/inbox/items/:itemId/replies': { version: 1, body: 'Fremd', delivery: 'copied' },
  'POST /api/orgs/:orgId/inbox/items/:itemId/replies/:replyId/send': { version: 1, delivery: 'copied' },
  'POST /api/orgs/:orgId/inbox/items/:itemId/moderation': { version: 1, action: 'hide', netiquetteRule: 'Fremd' },
  'POST /api/orgs/:orgId/inbox/items/:itemId/evidence': { context: 'Fremd' },
  'PUT /api/orgs/:orgId/inbox/settings': { version: 1, officeWeekdays: [1], officeStart: '08:00', officeEnd: '16:00', responseTargetHours: 8, retentionDays: 30, departments: [] },
  'POST /api/orgs/:orgId/inbox/routing-rules': { matchKind: 'keyword', keyword: 'fremd', category: 'spam' },
  'PUT /api/orgs/:orgId/inbox/routing-rules/order': { ruleIds: ['00000000-0000-4000-8000-000000000000'] },
  'PUT /api/orgs/:orgId/inbox/routing-rules/:ruleId': { matchKind: 'keyword', keyword: 'fremd', category: 'spam', version: 1 },
  'POST /api/orgs/:orgId/posts/:postId/submit': { version: 1 },
  'POST /api/orgs/:orgId/approval-requests/:requestId/decisions': { decision: 'approve', stepIndex: 1, contentHash: 'a'.repeat(64) },
  'POST /api/orgs/:orgId/text-blocks': { title: 'Fremd', shortCode: 'fremd', body: { sie: 'Fremd', du: null }, categoryId: '00000000-0000-4000-8000-000000000000' },
  'PATCH /api/orgs/:orgId/text-blocks/:textBlockId': { version: 1, title: 'Übernommen' },
  'POST /api/orgs/:orgId/text-blocks/:textBlockId/submit': { version: 1 },
  'POST /api/orgs/:orgId/text-blocks/:textBlockId/uses': { versionId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/orgs/:orgId/text-blocks/import': { csv: 'kuerzel,titel\nfremd,Fremd' },
  'PATCH /api/orgs/:orgId/text-block-settings': { version: 1, addressForm: 'du' },
  // Without a body; listed so that the admin's starter pack is known to the matrix.
  'POST /api/orgs/:orgId/text-blocks/starter-pack': {},
  'POST /api/orgs/:orgId/posts/:postId/publications/:channelId/confirm': { url: 'https://social.example/@fremd/1' },
  'POST /api/orgs/:orgId/posts/:postId/publications/:channelId/mark-failed': { reason: 'Übernommen' },
  'PUT /api/orgs/:orgId/channels/:channelId/credentials': { instanceUrl: 'https://social.example', accessToken: 'fremdes-token' },
  // Without a body; listed so that the person's two publishing actions are known to the matrix.
  'POST /api/orgs/:orgId/posts/:postId/publications/:channelId/publish-late': {},
  'POST /api/orgs/:orgId/posts/:postId/publications/:channelId/retry': {},
  'DELETE /api/orgs/:orgId/channels/:channelId/credentials': {},
  'PUT /api/orgs/:orgId/program/enrolments/:enrolmentId/exercises/:exerciseId/reflection': { version: 0, answer: 'Übernommen' },
  'PUT /api/orgs/:orgId/program/enrolments/:enrolmentId/exercises/:exerciseId/checklist': { version: 0, checked: [] },
  'PATCH /api/orgs/:orgId/program/enrolments/:enrolmentId/exercises/:exerciseId/upload': { version: 1, altText: 'Übernommen' },
  'POST /api/orgs/:orgId/program/enrolments/:enrolmentId/share-preview': { kind: 'reflection', exerciseId: 'w01-auftrag-in-einem-satz' },
  'POST /api/orgs/:orgId/program/enrolments/:enrolmentId/shares': { kind: 'reflection', exerciseId: 'w01-auftrag-in-einem-satz', body: 'Übernommen' },
  'PUT /api/orgs/:orgId/program/enrolments/:enrolmentId/midpoint-review': { version: 0, works: 'Fremd', notWorking: 'Fremd', next: 'Fremd', submit: true },
  'PUT /api/orgs/:orgId/program/manifest': { version: 0, text: 'Übernommenes Manifest der fremden Behörde' },
  'POST /api/orgs/:orgId/program/manifest/signature': { version: 0, function: 'Landrat' },
  'POST /api/program/runs/:runId/unlock': { throughWeek: 12, version: 1 },
  'POST /api/program/runs/:runId/cohorts': { name: 'Fremd', meeting: { weekday: 1, time: '09:00' } },
  'POST /api/program/cohorts/:cohortId/enrolments': { organizationId: '00000000-0000-4000-8000-000000000000', email: 'admin@landkreis-beispiel.example' },
  'POST /api/program/cohorts/:cohortId/shares/:shareId/comments': { body: 'Übernommen' },
  'PUT /api/program/cohorts/:cohortId/shares/:shareId/reaction': { reaction: 'like' },
  'POST /api/orgs/:orgId/playbooks': { content: { name: 'Fremd', scenario: '', contacts: [], levels: [] } },
  'POST /api/orgs/:orgId/playbooks/copy-template': { templateKey: 'datenpanne' },
  'PATCH /api/orgs/:orgId/playbooks/:playbookId': { version: 1, nextReviewOn: '2027-01-01' },
  'POST /api/orgs/:orgId/playbooks/:playbookId/submit': { version: 1 },
  'POST /api/orgs/:orgId/incidents': { title: 'Fremd', reason: 'Fremd', level: 3 },
  'POST /api/orgs/:orgId/incidents/:incidentId/level': { version: 1, level: 4, reason: 'Übernommen' },
  'POST /api/orgs/:orgId/incidents/:incidentId/checklist': { version: 1, level: 3, stepId: 's3-1', done: true },
  'POST /api/orgs/:orgId/incidents/:incidentId/contacts-alerted': { version: 1, contactId: 'pressestelle' },
  'POST /api/orgs/:orgId/incidents/:incidentId/notes': { text: 'Übernommen' },
  'POST /api/orgs/:orgId/incidents/:incidentId/statements': { textBlockId: '00000000-0000-4000-8000-000000000000', note: '' },
  'POST /api/orgs/:orgId/incidents/:incidentId/stop': { version: 1, confirm: true, reason: 'Übernommen' },
  'POST /api/orgs/:orgId/incidents/:incidentId/stop/lift': { version: 1, reason: 'Übernommen', bulk: { decision: 'leave_paused' } },
  'POST /api/orgs/:orgId/incidents/:incidentId/end': { version: 1 },
  'POST /api/orgs/:orgId/incidents/:incidentId/review': { version: 1, review: { whatHappened: 'Übernommen', whatWorked: '', whatToChange: '', followUps: [] } },
  'POST /api/orgs/:orgId/crisis-detections/:detectionId/dismiss': { version: 1, reason: 'Übernommen' },
};

describe('tenant separation matrix over every registered route', () => {
  let app: TestApp;
  let intruder: ApiClient;
  let orgA: string;
  let orgB: string;
  /** Ids of organization A's objects, by route parameter name. */
  const objectsOfA: Record<string, string> = {};
  const routes = registeredRoutes();

  const fill = (path: string, orgId: string) =>
    path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
      if (name === 'orgId') return orgId;
      const id = objectsOfA[name];
      if (!id) throw new Error(`No fixture for route parameter :${name} in ${path}. Add one of organization A's objects to objectsOfA.`);
      return id;
    });

  beforeAll(async () => {
    app = await startTestApp('matrix', 5);
    orgA = await app.organizationId('Stadt Musterstadt');
    orgB = await app.organizationId('Landkreis Beispiel');
    const adminA = await app.as('admin@musterstadt.example');
    const invitation = await adminA.post<{ invitation: { id: string } }>(`/api/orgs/${orgA}/invitations`, { email: 'geheim@musterstadt.example', role: 'editor' });
    objectsOfA['invitationId'] = invitation.body.invitation.id;
    const members = await adminA.get<Array<{ id: string; user: { email: string } }>>(`/api/orgs/${orgA}/members`);
    objectsOfA['memberId'] = members.body.find((m) => m.user.email === 'redaktion@musterstadt.example')!.id;
    const channel = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/channels`, { platform: 'instagram', name: 'Instagram Stadt', color: '#aa3366' });
    objectsOfA['channelId'] = channel.body.id;
    const topic = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/topics`, { name: 'Bürgerservice', color: '#336699' });
    objectsOfA['topicId'] = topic.body.id;
    const post = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/posts`, { workingTitle: 'Geheimer Entwurf', variants: [{ channelId: channel.body.id, text: null }] });
    objectsOfA['postId'] = post.body.id;
    // An image row is enough here: every refusal must happen before a file would be touched.
    const [media] = await app.owner.query(
      `INSERT INTO post_media (organization_id, post_id, storage_key, content_type, byte_size, width, height, alt_text)
       VALUES ($1, $2, gen_random_uuid() || '.png', 'image/png', 68, 1, 1, 'Geheimes Bild') RETURNING id`,
      [orgA, post.body.id],
    );
    objectsOfA['mediaId'] = media.id;
    VALID_BODIES['PUT /api/orgs/:orgId/posts/:postId/media/order'] = { ids: [media.id] };
    const series = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/series`, { name: 'Geheime Serie', rrule: 'FREQ=DAILY', start: '2026-11-01T09:00' });
    objectsOfA['seriesId'] = series.body.id;
    const feed = await adminA.post<{ feed: { id: string }; subscriptionUrl: string }>(`/api/orgs/${orgA}/calendar-feeds`, { label: 'Geheimes Abo' });
    objectsOfA['feedId'] = feed.body.feed.id;
    const routes = await adminA.get<Array<{ id: string }>>(`/api/orgs/${orgA}/approval-routes`);
    objectsOfA['routeId'] = routes.body[0]!.id;
    // Instagram needs an image; a post on Mastodon can go to approval as it is.
    const mastodon = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/channels`, { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' });
    const toApprove = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/posts`, { workingTitle: 'Geheime Freigabe', text: 'Intern', variants: [{ channelId: mastodon.body.id, text: null }] });
    const request = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/posts/${toApprove.body.id}/submit`, { version: 1 });
    objectsOfA['requestId'] = request.body.id;
    const categories = await adminA.get<Array<{ id: string }>>(`/api/orgs/${orgA}/text-block-categories`);
    const textBlock = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/text-blocks`, { title: 'Geheimer Baustein', shortCode: 'geheim', body: { sie: 'Geheim', du: null }, categoryId: categories.body[0]!.id });
    objectsOfA['textBlockId'] = textBlock.body.id;
    const [notification] = await app.owner.query(
      `INSERT INTO notifications (organization_id, recipient_user_id, kind, title, body, email_status)
       SELECT $1, user_id, 'approval_requested', 'Geheime Benachrichtigung', '', 'none' FROM memberships WHERE organization_id = $1 LIMIT 1 RETURNING id`,
      [orgA],
    );
    objectsOfA['notificationId'] = notification.id;
    // A learning program run with A's editor in a cohort, and a result A shared into it.
    const [leader] = await app.owner.query(`INSERT INTO users (email, display_name) VALUES ('leitung@programm.example', 'Programmleitung') RETURNING id`);
    await app.owner.query('INSERT INTO program_facilitators (user_id) VALUES ($1)', [leader.id]);
    const [run] = await app.owner.query(
      `INSERT INTO program_runs (name, starts_on, curriculum_version, facilitator_user_id) VALUES ('Geheimer Durchgang', date_trunc('week', now())::date, '2027.1', $1) RETURNING id`,
      [leader.id],
    );
    objectsOfA['runId'] = run.id;
    const [cohort] = await app.owner.query(`INSERT INTO program_cohorts (run_id, name, meeting_weekday, meeting_time) VALUES ($1, 'Geheime Gruppe', 3, '10:00') RETURNING id`, [run.id]);
    objectsOfA['cohortId'] = cohort.id;
    const [enrolment] = await app.owner.query(
      `INSERT INTO program_enrolments (organization_id, run_id, cohort_id, user_id) SELECT $1, $2, $3, id FROM users WHERE email = 'redaktion@musterstadt.example' RETURNING id, user_id`,
      [orgA, run.id, cohort.id],
    );
    objectsOfA['enrolmentId'] = enrolment.id;
    objectsOfA['exerciseId'] = 'w01-auftrag-in-einem-satz';
    const sharedImageKey = `${randomUUID()}.png`;
    const uploadKey = `${randomUUID()}.png`;
    const [share] = await app.owner.query(
      `INSERT INTO program_shares (organization_id, cohort_id, enrolment_id, author_user_id, kind, title, body, image_storage_key, image_content_type)
       VALUES ($1, $2, $3, $4, 'upload', 'Geteilt', 'Geheim geteilt', $5, 'image/png') RETURNING id`,
      [orgA, cohort.id, enrolment.id, enrolment.user_id, sharedImageKey],
    );
    // The shared image and an upload exist on disk: a refusal must not depend on a missing file.
    const [upload] = await app.owner.query(
      `INSERT INTO program_exercise_uploads (organization_id, enrolment_id, exercise_id, storage_key, content_type, byte_size, width, height, alt_text, created_by_user_id)
       VALUES ($1, $2, 'w01-auftrag-in-einem-satz', $3, 'image/png', 68, 1, 1, 'Geheimes Übungsbild', $4) RETURNING id`,
      [orgA, enrolment.id, uploadKey, enrolment.user_id],
    );
    expect(upload.id).toBeDefined();
    mkdirSync(join(app.config.mediaDir, orgA), { recursive: true });
    for (const key of [sharedImageKey, uploadKey]) writeFileSync(join(app.config.mediaDir, orgA, key), ONE_PIXEL_PNG);
    objectsOfA['shareId'] = share.id;
    // A playbook copied from a template and a drill declared from it.
    const playbook = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/playbooks/copy-template`, { templateKey: 'kritikwelle' });
    objectsOfA['playbookId'] = playbook.body.id;
    const incident = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/incidents`, { playbookId: playbook.body.id, title: 'Geheime Übung', reason: 'Geheim', level: 3, drill: true });
    objectsOfA['incidentId'] = incident.body.id;
    // A „Möglicher Shitstorm“ alert of A (as the detection job writes it).
    const [detection] = await app.owner.query(`INSERT INTO crisis_detections (organization_id, suggested_level, level_name, window_minutes) VALUES ($1, 2, 'Stufe 2 – Frische Brise', 60) RETURNING id`, [orgA]);
    objectsOfA['detectionId'] = detection.id;
    // A Posteingang item of A with secured evidence, and a routing rule.
    const inboxItem = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/inbox/items`, { authorHandle: '@geheim', text: 'Geheimer Kommentar' });
    objectsOfA['itemId'] = inboxItem.body.id;
    const secured = await adminA.post<{ evidence: Array<{ id: string }> }>(`/api/orgs/${orgA}/inbox/items/${inboxItem.body.id}/evidence`, { context: 'Geheim' });
    objectsOfA['evidenceId'] = secured.body.evidence[0]!.id;
    const rule = await adminA.post<{ id: string }>(`/api/orgs/${orgA}/inbox/routing-rules`, { matchKind: 'keyword', keyword: 'geheim', category: 'other' });
    objectsOfA['ruleId'] = rule.body.id;
    // A reply of A (on an item of its own, so the item above stays as it is).
    const answered = await adminA.post<{ id: string; version: number }>(`/api/orgs/${orgA}/inbox/items`, { authorHandle: '@geheim2', text: 'Noch ein geheimer Kommentar' });
    const replied = await adminA.post<{ replies: Array<{ id: string }> }>(`/api/orgs/${orgA}/inbox/items/${answered.body.id}/replies`, { version: answered.body.version, body: 'Geheime Antwort', delivery: 'copied' });
    objectsOfA['replyId'] = replied.body.replies[0]!.id;
    // An admin of B: the strongest role, so a refusal can only come from tenant separation.
    intruder = await app.as('admin@landkreis-beispiel.example');
  });
  afterAll(() => app.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it('knows every route: public, user-level or organization-scoped', () => {
    const key = (r: Route) => `${r.method} ${r.path}`;
    expect(routes.filter((r) => r.isPublic).map(key).sort()).toEqual([...PUBLIC_ROUTES].sort());
    const unscoped = routes.filter((r) => !r.isPublic && !r.path.startsWith('/api/orgs/:orgId'));
    expect(unscoped.map(key).sort()).toEqual([...USER_ROUTES].sort());
  });

  it("answers 404 to a member of B for every route under organization A's id", async () => {
    for (const route of routes.filter((r) => r.path.startsWith('/api/orgs/:orgId'))) {
      const response = await intruder.request(route.method, fill(route.path, orgA), { body: VALID_BODIES[`${route.method} ${route.path}`] ?? {} });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 404 });
    }
  });

  it("answers 404 to a member of B who puts A's object ids into B's routes", async () => {
    for (const route of routes.filter((r) => r.path.startsWith('/api/orgs/:orgId/') && /:(?!orgId)[A-Za-z]+/.test(r.path))) {
      const response = await intruder.request(route.method, fill(route.path, orgB), { body: VALID_BODIES[`${route.method} ${route.path}`] ?? {} });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 404 });
    }
  });

  it("answers 404 to a member of B on the routes of A's program run and cohort", async () => {
    const cohortRoutes = routes.filter((r) => COHORT_ROUTES.includes(`${r.method} ${r.path}`));
    expect(cohortRoutes).toHaveLength(COHORT_ROUTES.length);
    for (const route of cohortRoutes) {
      const response = await intruder.request(route.method, fill(route.path, orgA), { body: VALID_BODIES[`${route.method} ${route.path}`] ?? {} });
      // Runs are for facilitators only: the intruder is none (403); everything of the cohort is hidden (404).
      const expected = route.path.startsWith('/api/program/runs') ? 403 : route.path.endsWith('/enrolments') ? 403 : 404;
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: expected });
    }
  });

  it('answers 401 without a session for every non-public route', async () => {
    const anonymous = app.client();
    for (const route of routes.filter((r) => !r.isPublic)) {
      const response = await anonymous.request(route.method, fill(route.path, orgA), { body: VALID_BODIES[`${route.method} ${route.path}`] ?? {} });
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });

  it("left organization A's data untouched", async () => {
    const [invitation] = await app.owner.query('SELECT revoked_at FROM invitations WHERE id = $1', [objectsOfA['invitationId']]);
    expect(invitation.revoked_at).toBeNull();
    const [member] = await app.owner.query('SELECT role, version FROM memberships WHERE id = $1', [objectsOfA['memberId']]);
    expect(member).toEqual({ role: 'editor', version: 1 });
    const [{ n }] = await app.owner.query('SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1', [orgA]);
    expect(n).toBe(6);
    const [post] = await app.owner.query('SELECT working_title, version FROM posts WHERE id = $1', [objectsOfA['postId']]);
    expect(post).toEqual({ working_title: 'Geheimer Entwurf', version: 1 });
    const [media] = await app.owner.query('SELECT alt_text, version, position FROM post_media WHERE id = $1', [objectsOfA['mediaId']]);
    expect(media).toEqual({ alt_text: 'Geheimes Bild', version: 1, position: 0 });
    const [feed] = await app.owner.query('SELECT label, revoked_at FROM calendar_feeds WHERE id = $1', [objectsOfA['feedId']]);
    expect(feed).toEqual({ label: 'Geheimes Abo', revoked_at: null });
    const [route] = await app.owner.query('SELECT name, version FROM approval_routes WHERE id = $1', [objectsOfA['routeId']]);
    expect(route).toEqual({ name: 'Redaktion → Leitung', version: 1 });
    const [request] = await app.owner.query('SELECT status, version FROM approval_requests WHERE id = $1', [objectsOfA['requestId']]);
    expect(request).toEqual({ status: 'pending', version: 1 });
    const [textBlock] = await app.owner.query('SELECT b.version, b.usage_count, b.approved_version_id, v.title FROM text_blocks b JOIN text_block_versions v ON v.id = b.latest_version_id WHERE b.id = $1', [objectsOfA['textBlockId']]);
    expect(textBlock).toEqual({ version: 1, usage_count: 0, approved_version_id: null, title: 'Geheimer Baustein' });
    const [{ blocks }] = await app.owner.query('SELECT count(*)::int AS blocks FROM text_blocks WHERE organization_id = $1', [orgA]);
    expect(blocks).toBe(1);
    const [textBlockSettings] = await app.owner.query('SELECT address_form, version FROM text_block_settings WHERE organization_id = $1', [orgA]);
    expect(textBlockSettings).toEqual({ address_form: 'sie', version: 1 });
    const [settings] = await app.owner.query('SELECT allow_self_approval, version FROM approval_settings WHERE organization_id = $1', [orgA]);
    expect(settings).toEqual({ allow_self_approval: false, version: 1 });
    const [{ comments }] = await app.owner.query('SELECT count(*)::int AS comments FROM post_comments');
    expect(comments).toBe(0);
    const [share] = await app.owner.query('SELECT body FROM program_shares WHERE id = $1', [objectsOfA['shareId']]);
    expect(share).toEqual({ body: 'Geheim geteilt' });
    const [upload] = await app.owner.query('SELECT alt_text, version FROM program_exercise_uploads WHERE enrolment_id = $1', [objectsOfA['enrolmentId']]);
    expect(upload).toEqual({ alt_text: 'Geheimes Übungsbild', version: 1 });
    const [{ programRows }] = await app.owner.query(
      `SELECT (SELECT count(*) FROM program_share_comments) + (SELECT count(*) FROM program_share_reactions) + (SELECT count(*) FROM program_exercise_progress)
            + (SELECT count(*) FROM program_cohorts) + (SELECT count(*) FROM program_enrolments) - 2 AS "programRows"`,
    );
    expect(Number(programRows)).toBe(0);
    const foreign = await app.owner.query(`SELECT count(*)::int AS n FROM posts WHERE organization_id = $1`, [orgB]);
    expect(foreign[0].n).toBe(0);
  });
});

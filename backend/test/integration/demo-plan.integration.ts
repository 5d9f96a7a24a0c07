import type { ApprovalRequestView, CohortView, MyProgramView, PlaybookView, PosterView, RunView } from '@amtsplan/contracts';
import { seedDemoCrisis } from '../../src/demo/demo-crisis';
import { seedDemoPlan } from '../../src/demo/demo-plan';
import { DEMO_FACILITATOR, DEMO_FACILITATORS, DEMO_OTHER_FACILITATOR, seedDemoProgram } from '../../src/demo/demo-program';
import { UserEntity } from '../../src/users/user.entity';
import { startTestApp, TestApp } from '../support/test-app';

describe('demo editorial plan (what npm start shows on first run)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('demoplan', 13);
  });
  afterAll(() => app.close());

  it('seeds channels, topics, series and four weeks of posts that the API reads like its own', async () => {
    const orgId = await app.organizationId('Landkreis Beispiel');
    const [{ id: userId }] = await app.owner.query(`SELECT id FROM users WHERE email = 'redaktion@landkreis-beispiel.example'`);
    const now = new Date('2026-12-01T09:00:00Z');
    await app.owner.transaction((manager) => seedDemoPlan(manager, orgId, userId, now));

    const editor = await app.as('redaktion@landkreis-beispiel.example');
    const channels = await editor.get<Array<{ name: string }>>(`/api/orgs/${orgId}/channels`);
    expect(channels.body.map((c) => c.name)).toContain('Instagram Stadt Musterstadt');
    const planned = await editor.get<Array<{ workingTitle: string; findings: Array<{ code: string }>; version: number }>>(
      `/api/orgs/${orgId}/posts?from=2026-12-01T00:00:00%2B01:00&to=2026-12-30T00:00:00%2B01:00`,
    );
    expect(planned.body.length).toBeGreaterThanOrEqual(8);
    expect(planned.body.every((p) => p.version === 1)).toBe(true);
    const icy = planned.body.find((p) => p.workingTitle === 'Glatteis: Streudienst unterwegs');
    expect(icy?.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['hashtag-not-camel-case', 'emoji-run']));
    const backlog = await editor.get<unknown[]>(`/api/orgs/${orgId}/posts?unplanned=true`);
    expect(backlog.body.length).toBe(3);
    const slots = await editor.get<Array<{ postId: string | null }>>(`/api/orgs/${orgId}/series/slots?from=2026-12-01T00:00:00Z&to=2026-12-29T00:00:00Z`);
    // Tuesdays from the week after seeding (8, 15, 22 Dec) and the first Thursday (3 Dec).
    expect(slots.body.length).toBe(4);
    const first = (await editor.get<Array<{ id: string }>>(`/api/orgs/${orgId}/posts?unplanned=true`)).body[0]!;
    const history = await editor.get<Array<{ version: number }>>(`/api/orgs/${orgId}/posts/${first.id}/versions`);
    expect(history.body.map((h) => h.version)).toEqual([1]);
  });

  it('seeds a crisis playbook that the Leitung signed off through an approved request on the default route', async () => {
    const orgId = await app.organizationId('Stadt Musterstadt');
    const idOf = async (email: string) => ((await app.owner.query(`SELECT id FROM users WHERE email = $1`, [email])) as Array<{ id: string }>)[0]!.id;
    const [editorId, approverId] = [await idOf('redaktion@musterstadt.example'), await idOf('leitung@musterstadt.example')];
    await app.owner.transaction((manager) => seedDemoCrisis(manager, orgId, { editorId, approverId }));

    const leitung = await app.as('leitung@musterstadt.example');
    const playbook = (await leitung.get<PlaybookView[]>(`/api/orgs/${orgId}/playbooks`)).body.find((p) => p.name.includes('(Musterstadt)'))!;
    expect(playbook).toMatchObject({ versionNumber: 1, versionStatus: 'approved', approvedVersionNumber: 1 });
    const request = (await leitung.get<ApprovalRequestView>(`/api/orgs/${orgId}/approval-requests/${playbook.approvalRequestId}`)).body;
    expect(request).toMatchObject({ subjectType: 'playbook', status: 'approved', contentHash: playbook.contentHash, author: { id: editorId } });
    const decisions = request.steps.flatMap((s) => s.decisions);
    expect(decisions.map((d) => ({ user: d.user.id, kind: d.kind }))).toEqual([{ user: approverId, kind: 'approve' }]);
  });

  it('seeds a program run with week 3 open, both authorities in one cohort, a facilitator who leads it, a signed manifest and Zwischenfazits', async () => {
    const musterstadt = await app.organizationId('Stadt Musterstadt');
    const landkreis = await app.organizationId('Landkreis Beispiel');
    const users: Array<{ id: string; email: string }> = await app.owner.query(`SELECT id, email FROM users`);
    const [{ password_hash: passwordHash }] = await app.owner.query(`SELECT password_hash FROM users WHERE email = 'redaktion@musterstadt.example'`);
    // A Wednesday: the run starts two Mondays before this week's Monday (7 Dec 2026).
    const now = new Date('2026-12-09T09:00:00Z');
    await app.owner.transaction(async (manager) => {
      const userIds = new Map(users.map((u) => [u.email, u.id] as const));
      for (const account of DEMO_FACILITATORS) userIds.set(account.email, (await manager.insert(UserEntity, { ...account, passwordHash })).identifiers[0]!['id'] as string);
      await seedDemoProgram(manager, new Map([['Stadt Musterstadt', musterstadt], ['Landkreis Beispiel', landkreis]]), userIds, now);
    });

    const facilitator = await app.as(DEMO_FACILITATOR.email);
    const runs = await facilitator.get<RunView[]>('/api/program/runs');
    expect(runs.status).toBe(200);
    expect(runs.body.map((r) => [r.startsOn, r.cohorts.map((c) => [c.name, c.authorities])])).toEqual([['2026-11-23', [['Peer-Gruppe Nord', 2]]]]);

    const participant = await app.as('redaktion@musterstadt.example');
    const program = await participant.get<MyProgramView>(`/api/orgs/${musterstadt}/program`);
    const [enrolment] = program.body.enrolments;
    expect(enrolment?.cohort.name).toBe('Peer-Gruppe Nord');
    expect(enrolment?.weeks.filter((w) => w.open).map((w) => w.week)).toEqual(expect.arrayContaining([1, 2]));
    expect(enrolment?.weeks.find((w) => w.week === 3)?.opensOn).toBe('2026-12-07');
    const other = await app.as('redaktion@landkreis-beispiel.example');
    expect((await other.get<MyProgramView>(`/api/orgs/${landkreis}/program`)).body.enrolments).toHaveLength(1);

    // The poster shows the Leitung's signature; the cohort page Landkreis Beispiel's released Zwischenfazit, not Musterstadt's draft.
    const poster = await participant.get<PosterView>(`/api/orgs/${musterstadt}/program/enrolments/${enrolment!.enrolmentId}/poster`);
    expect(poster.body.manifest).toMatchObject({ name: 'Dr. Lena Leitung', function: 'Bürgermeisterin' });
    const cohort = await participant.get<CohortView>(`/api/program/cohorts/${enrolment!.cohort.id}`);
    expect(cohort.body.midpointReviews.map((r) => r.organizationName)).toEqual(['Landkreis Beispiel']);
    const draft = await participant.get<{ works: string; submittedAt: string | null }>(`/api/orgs/${musterstadt}/program/enrolments/${enrolment!.enrolmentId}/midpoint-review`);
    expect(draft.body).toMatchObject({ works: expect.stringContaining('Themen und Rhythmus'), submittedAt: null });

    // The second Programmleitung sees only their own run, and not the first one's cohort.
    const south = await app.as(DEMO_OTHER_FACILITATOR.email);
    expect((await south.get<RunView[]>('/api/program/runs')).body.map((r) => r.cohorts.map((c) => [c.name, c.authorities]))).toEqual([[['Peer-Gruppe Süd', 0]]]);
    expect((await south.get(`/api/program/cohorts/${enrolment!.cohort.id}`)).status).toBe(404);
  });
});

import { type PlanChanged, type PostView } from '@amtsplan/contracts';
import { PLAN_EVENT_WINDOW_MS } from '../../src/notifications/notification-streams';
import { EventReader } from '../support/event-reader';
import { LiveStreams } from '../support/live-streams';
import { startTestApp, TestApp } from '../support/test-app';
import { sleep } from '../support/wait';

/**
 * Live plan changes (docs/publishing.md, "In the UI"): committed changes of an organization's
 * posts reach the open notification streams of its members as one `plan` event per window
 * (PostgreSQL NOTIFY → ChangeFeed → stream), and nobody else's. Real PostgreSQL and HTTP.
 */
describe('plan changes on the live stream (real PostgreSQL, HTTP)', () => {
  let app: TestApp;
  let streams: LiveStreams;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp('planlive', 8);
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    streams = new LiveStreams(app);
    orgId = await app.organizationId('Stadt Musterstadt');
  }, 120_000);
  afterAll(async () => {
    streams.closeAll();
    await app.close();
  });

  it("tells the organization's members once per window that its posts changed, and nobody else", async () => {
    const [redaktion, lesen, other] = await Promise.all([app.as('redaktion@musterstadt.example'), app.as('lesen@musterstadt.example'), app.as('admin@landkreis-beispiel.example')]);
    const [member, outsider] = await Promise.all([streams.open(lesen), streams.open(other)]);
    const planEvents = (reader: EventReader) => reader.events.filter((e) => e.event === 'plan' && (e.data as PlanChanged).organizationId === orgId).length;

    // A post and two quick changes of it: one event, after the window.
    const started = Date.now();
    const created = await redaktion.post<PostView>(`/api/orgs/${orgId}/posts`, { workingTitle: 'Live im Plan' });
    expect(created.status).toBe(201);
    let post = created.body;
    for (const workingTitle of ['Live im Plan (2)', 'Live im Plan (3)']) {
      const changed = await redaktion.patch<PostView>(`/api/orgs/${orgId}/posts/${post.id}`, { version: post.version, workingTitle });
      expect(changed.status).toBe(200);
      post = changed.body;
    }
    const changesTook = Date.now() - started;
    expect(await member.waitFor<PlanChanged>('plan', (d) => d.organizationId === orgId)).toEqual({ organizationId: orgId });
    expect(Date.now() - started).toBeGreaterThanOrEqual(PLAN_EVENT_WINDOW_MS);
    await sleep(PLAN_EVENT_WINDOW_MS + 500);
    // All three changes fell into one window unless the machine took longer than the window for them.
    if (changesTook < PLAN_EVENT_WINDOW_MS / 2) expect(planEvents(member)).toBe(1);

    // A later change: another event.
    const renamed = await redaktion.patch<PostView>(`/api/orgs/${orgId}/posts/${post.id}`, { version: post.version, workingTitle: 'Live im Plan (4)' });
    expect(renamed.status).toBe(200);
    await member.waitFor<PlanChanged>('plan', (d) => d.organizationId === orgId);
    expect(outsider.events.filter((e) => e.event === 'plan' && (e.data as PlanChanged).organizationId === orgId)).toEqual([]);
  });
});

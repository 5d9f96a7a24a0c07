import { type CrisisChanged, type IncidentView } from '@amtsplan/contracts';
import { LiveStreams } from '../support/live-streams';
import { startTestApp, TestApp } from '../support/test-app';
import { sleep } from '../support/wait';

/**
 * Live crisis updates (docs/crisis.md): every committed change of an incident, its timeline,
 * a shitstorm alert or the Kommunikationsstopp reaches the open notification streams of the
 * organization's members as a `crisis` event (PostgreSQL NOTIFY → ChangeFeed → stream), and
 * nobody else's. Real PostgreSQL and HTTP.
 */
describe('crisis changes on the live stream (real PostgreSQL, HTTP)', () => {
  let app: TestApp;
  let streams: LiveStreams;
  let orgId: string;

  beforeAll(async () => {
    app = await startTestApp('crisislive', 8);
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    streams = new LiveStreams(app);
    orgId = await app.organizationId('Stadt Musterstadt');
  }, 120_000);
  afterAll(async () => {
    streams.closeAll();
    await app.close();
  });

  it('sends a crisis event to the members on declaration, timeline entries and the stop; not to other organizations', async () => {
    const [redaktion, lesen, other] = await Promise.all([app.as('redaktion@musterstadt.example'), app.as('lesen@musterstadt.example'), app.as('admin@landkreis-beispiel.example')]);
    const [member, outsider] = await Promise.all([streams.open(lesen), streams.open(other)]);
    const ours = (d: CrisisChanged) => d.organizationId === orgId;

    const declared = await redaktion.post<IncidentView>(`/api/orgs/${orgId}/incidents`, { playbookId: null, title: 'Live', reason: 'Test der Live-Aktualisierung', level: 2 });
    expect(declared.status).toBe(201);
    expect(await member.waitFor<CrisisChanged>('crisis', ours)).toEqual({ organizationId: orgId });

    const noted = await redaktion.post<IncidentView>(`/api/orgs/${orgId}/incidents/${declared.body.id}/notes`, { text: 'Erste Antworten veröffentlicht' });
    expect(noted.status).toBe(200);
    await member.waitFor<CrisisChanged>('crisis', ours);

    const stopped = await redaktion.post<IncidentView>(`/api/orgs/${orgId}/incidents/${declared.body.id}/stop`, { version: noted.body.version, confirm: true, reason: 'Live' });
    expect(stopped.status).toBe(200);
    await member.waitFor<CrisisChanged>('crisis', ours);

    await sleep(300);
    expect(outsider.events.filter((e) => e.event === 'crisis')).toEqual([]);
  });
});

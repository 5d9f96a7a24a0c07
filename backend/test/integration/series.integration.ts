import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

interface Series {
  id: string;
  name: string;
  version: number;
  ruleDescription: string;
  channelIds: string[];
}
interface Slot {
  seriesId: string;
  at: string;
  postId: string | null;
}
interface Post {
  id: string;
  workingTitle: string;
  text: string;
  seriesId: string | null;
  seriesSlotAt: string | null;
  planning: { kind: string; at?: string };
  variants: Array<{ channelId: string }>;
  checklist: Array<{ label: string }>;
  tags: string[];
}

describe('Serien: recurring slots and filling them', () => {
  let app: TestApp;
  let orgId: string;
  let editor: ApiClient;
  let channelId: string;
  let tuesdays: Series;

  beforeAll(async () => {
    app = await startTestApp('series', 12);
    orgId = await app.organizationId('Stadt Musterstadt');
    editor = await app.as('redaktion@musterstadt.example');
    const channel = await editor.post<{ id: string }>(`/api/orgs/${orgId}/channels`, { platform: 'instagram', name: 'Instagram Stadt', color: '#c13584' });
    channelId = channel.body.id;
    const created = await editor.post<Series>(`/api/orgs/${orgId}/series`, {
      name: 'Tierheim-Dienstag',
      hashtag: '#TierheimDienstag',
      channelIds: [channelId],
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      start: '2026-10-06T10:00',
      checklist: [{ label: 'Tierheim hat Foto freigegeben', done: false }],
      textSkeleton: 'Heute im #TierheimDienstag: …',
    });
    expect(created.status).toBe(201);
    tuesdays = created.body;
  });
  afterAll(() => app.close());

  const slots = (from: string, to: string) => editor.get<Slot[]>(`/api/orgs/${orgId}/series/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

  it('describes the rule in German', () => {
    expect(tuesdays.ruleDescription).toBe('Wöchentlich am Dienstag um 10:00 Uhr');
  });

  it('keeps 10:00 on the wall clock across the end of summer time', async () => {
    const response = await slots('2026-10-19T00:00:00+02:00', '2026-11-04T00:00:00+01:00');
    expect(response.body.map((s) => s.at)).toEqual(['2026-10-20T08:00:00.000Z', '2026-10-27T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
    expect(response.body.every((s) => s.postId === null && s.seriesId === tuesdays.id)).toBe(true);
  });

  it('fills a slot with a post from the series defaults, once', async () => {
    const filled = await editor.post<Post>(`/api/orgs/${orgId}/series/${tuesdays.id}/slots`, { at: '2026-10-27T10:00:00+01:00' });
    expect(filled.status).toBe(201);
    expect(filled.body).toMatchObject({
      workingTitle: 'Tierheim-Dienstag – 27.10.2026',
      text: 'Heute im #TierheimDienstag: …',
      seriesId: tuesdays.id,
      seriesSlotAt: '2026-10-27T09:00:00.000Z',
      planning: { kind: 'time', at: '2026-10-27T09:00:00.000Z' },
      variants: [{ channelId }],
      tags: ['TierheimDienstag'],
    });
    expect(filled.body.checklist.map((c) => c.label)).toContain('Tierheim hat Foto freigegeben');
    const again = await editor.post(`/api/orgs/${orgId}/series/${tuesdays.id}/slots`, { at: '2026-10-27T09:00:00Z' });
    expect(again.status).toBe(409);
    const after = await slots('2026-10-19T00:00:00+02:00', '2026-11-04T00:00:00+01:00');
    expect(after.body.find((s) => s.at === '2026-10-27T09:00:00.000Z')?.postId).toBe(filled.body.id);
    // Moving the post keeps the slot filled: the slot is the series' promise, the time the editor's choice.
    await editor.patch(`/api/orgs/${orgId}/posts/${filled.body.id}`, { version: 1, planning: { kind: 'time', at: '2026-10-27T14:00:00+01:00' } });
    const moved = await slots('2026-10-19T00:00:00+02:00', '2026-11-04T00:00:00+01:00');
    expect(moved.body.find((s) => s.at === '2026-10-27T09:00:00.000Z')?.postId).toBe(filled.body.id);
  });

  it('refuses a time that is not a slot, a paused series, and readers', async () => {
    const wrong = await editor.post(`/api/orgs/${orgId}/series/${tuesdays.id}/slots`, { at: '2026-10-28T09:00:00Z' });
    expect(wrong.status).toBe(400);
    const reader = await app.as('lesen@musterstadt.example');
    expect((await reader.get(`/api/orgs/${orgId}/series`)).status).toBe(200);
    expect((await reader.post(`/api/orgs/${orgId}/series/${tuesdays.id}/slots`, { at: '2026-11-03T09:00:00Z' })).status).toBe(403);
    expect((await reader.post(`/api/orgs/${orgId}/series`, { name: 'Darf nicht', rrule: 'FREQ=DAILY', start: '2026-11-01T09:00' })).status).toBe(403);
    const paused = await editor.post<Series>(`/api/orgs/${orgId}/series`, { name: 'Pausiert', rrule: 'FREQ=DAILY', start: '2026-11-01T09:00', active: false });
    expect((await editor.post(`/api/orgs/${orgId}/series/${paused.body.id}/slots`, { at: '2026-11-02T08:00:00Z' })).status).toBe(422);
  });

  it('validates rules, starts and references with field messages', async () => {
    const bad = await editor.post<{ errors: Array<{ path: string }> }>(`/api/orgs/${orgId}/series`, {
      name: '',
      rrule: 'FREQ=SOMETIMES',
      start: '2026-13-01T09:00',
      hashtag: 'kein hashtag',
      channelIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['name', 'rrule', 'start', 'hashtag']));
    const unknownChannel = await editor.post<{ errors: Array<{ path: string }> }>(`/api/orgs/${orgId}/series`, {
      name: 'Mit fremdem Kanal',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: '2026-11-02T09:00',
      channelIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownChannel.body.errors.map((e) => e.path)).toEqual(['channelIds.0']);
    const duplicate = await editor.post(`/api/orgs/${orgId}/series`, { name: 'Tierheim-Dienstag', rrule: 'FREQ=DAILY', start: '2026-11-01T09:00' });
    expect(duplicate.status).toBe(400);
  });

  it('updates a series with optimistic locking and audits it', async () => {
    const renamed = await editor.patch<Series>(`/api/orgs/${orgId}/series/${tuesdays.id}`, { version: 1, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH' });
    expect(renamed.body).toMatchObject({ version: 2, ruleDescription: 'Wöchentlich am Dienstag und Donnerstag um 10:00 Uhr' });
    expect((await editor.patch(`/api/orgs/${orgId}/series/${tuesdays.id}`, { version: 1, name: 'Alt' })).status).toBe(409);
    const actions = await app.owner.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [tuesdays.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['series.created', 'series.updated']);
  });
});

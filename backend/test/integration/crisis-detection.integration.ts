import type { ApprovalRequestView, CrisisDetectionView, IncidentView, PlaybookView } from '@amtsplan/contracts';
import { CrisisDetector } from '../../src/crisis/crisis-detector';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/**
 * „Möglicher Shitstorm“ (decision 0021): seeded comment waves in the inbox against the triggers
 * of Stadt Musterstadt's approved playbook (the demo's „Kritikwelle“, default scale triggers:
 * level 1 from 5 negative per hour and 30 %, level 2 from 15 and 40 %, level 3 from 30 and 50 %
 * on two channels). Real PostgreSQL, Redis and worker.
 */
describe('Shitstorm detection over the inbox (real PostgreSQL, Redis, worker)', () => {
  let app: TestApp;
  let orgId: string;
  let redaktion: ApiClient;
  let detector: CrisisDetector;
  let channels: Record<'facebook' | 'instagram', string>;
  let playbookId: string;
  let holdingStatementId: string;
  let incidentId: string;
  const url = (path: string) => `/api/orgs/${orgId}${path}`;

  /** `count` items on a channel spread over the last `minutes`, the first `negative` of them complaints or hate. */
  async function wave(organizationId: string, channelId: string, count: number, negative: number, minutes = 50): Promise<void> {
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const receivedAt = new Date(now - Math.floor(((i + 1) * minutes * 60_000) / (count + 1)));
      const category = i < negative ? (i % 2 ? 'complaint' : 'hate') : i % 2 ? 'question' : null;
      await app.owner.query(
        `INSERT INTO inbox_items (organization_id, kind, channel_id, source, author_handle, text, received_at, category, response_due_at)
         VALUES ($1, 'comment', $2, 'csv', $3, 'Welle', $4, $5, $4::timestamptz + interval '1 day')`,
        [organizationId, channelId, `person${i}`, receivedAt, category],
      );
    }
  }

  const detections = async (organizationId = orgId) =>
    (await app.owner.query(`SELECT id, suggested_level AS level, playbook_id AS "playbookId", status, channels FROM crisis_detections WHERE organization_id = $1 ORDER BY detected_at`, [organizationId])) as Array<{
      id: string;
      level: number;
      playbookId: string | null;
      status: string;
      channels: Array<{ channelName: string; meeting: boolean; negative: number }>;
    }>;
  const suspected = async (organizationId = orgId) =>
    (await app.owner.query(
      `SELECT u.email, n.title, n.email_status AS "emailStatus" FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.organization_id = $1 AND n.kind = 'crisis_suspected' ORDER BY u.email, n.created_at`,
      [organizationId],
    )) as Array<{ email: string; title: string; emailStatus: string }>;
  const crisisModeUntouched = async () => {
    const [{ incidents }] = await app.owner.query(`SELECT count(*)::int AS incidents FROM incidents WHERE organization_id = $1`, [orgId]);
    const [{ stop }] = await app.owner.query(`SELECT communication_stop AS stop FROM organizations WHERE id = $1`, [orgId]);
    return { incidents, stop };
  };

  beforeAll(async () => {
    app = await startTestApp('crisisdetection', 7);
    await app.startWorker();
    detector = app.worker!.get(CrisisDetector);
    orgId = await app.organizationId('Stadt Musterstadt');
    redaktion = await app.as('redaktion@musterstadt.example');
    const channel = async (name: string) => (await redaktion.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name, color: '#6364ff' })).body.id;
    channels = { facebook: await channel('Facebook Stadt Musterstadt'), instagram: await channel('Instagram Stadt Musterstadt') };
    // The admin adapts the template „Kritikwelle“ (the Redaktion as the press office contact) and the Leitung signs it off.
    const [admin, leitung] = await Promise.all([app.as('admin@musterstadt.example'), app.as('leitung@musterstadt.example')]);
    const copied = (await admin.post<PlaybookView>(url('/playbooks/copy-template'), { templateKey: 'kritikwelle' })).body;
    const members = (await admin.get<Array<{ user: { id: string; email: string } }>>(url('/members'))).body;
    const redaktionId = members.find((m) => m.user.email === 'redaktion@musterstadt.example')!.user.id;
    // A holding statement: an approved text block, linked on level 3.
    const categoryId = (await redaktion.get<Array<{ id: string }>>(url('/text-block-categories'))).body[0]!.id;
    const block = (await redaktion.post<{ id: string; version: number }>(url('/text-blocks'), { title: 'Wir nehmen die Kritik ernst', shortCode: 'haltung-sperrung', categoryId, body: { sie: 'Guten Tag {{name}}, wir nehmen Ihre Kritik ernst und melden uns bis heute Abend.', du: null } })).body;
    const blockRequest = (await redaktion.post<ApprovalRequestView>(url(`/text-blocks/${block.id}/submit`), { version: block.version })).body;
    expect((await leitung.post<ApprovalRequestView>(url(`/approval-requests/${blockRequest.id}/decisions`), { decision: 'approve', stepIndex: blockRequest.currentStepIndex, contentHash: blockRequest.contentHash })).body.status).toBe('approved');
    holdingStatementId = block.id;
    const content = {
      ...copied.content,
      contacts: copied.content.contacts.map((c) => (c.id === 'pressestelle' ? { ...c, userId: redaktionId } : c)),
      levels: copied.content.levels.map((l) => (l.level === 3 ? { ...l, holdingStatementIds: [block.id] } : l)),
    };
    const saved = (await admin.patch<PlaybookView>(url(`/playbooks/${copied.id}`), { version: copied.version, content })).body;
    const submitted = (await admin.post<ApprovalRequestView>(url(`/playbooks/${copied.id}/submit`), { version: saved.version })).body;
    const decided = await leitung.post<ApprovalRequestView>(url(`/approval-requests/${submitted.id}/decisions`), { decision: 'approve', stepIndex: submitted.currentStepIndex, contentHash: submitted.contentHash });
    expect(decided.body.status).toBe('approved');
    playbookId = copied.id;
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('below the first threshold: no alert', async () => {
    // 20 items, 4 negative: 4 per hour and 20 % (level 1 needs 5 per hour and 30 %).
    await wave(orgId, channels.facebook, 20, 4);
    expect(await detector.run(orgId)).toMatchObject({ decision: 'none', detectionId: null });
    expect(await detections()).toEqual([]);
    expect(await suspected()).toEqual([]);
  });

  it('above a threshold on one channel: one alert at level 2 with the playbook and the figures; editors, admins and the level’s contacts are told', async () => {
    // 16 more negative on Facebook: 20 of 36 negative (20 per hour, 56 %): level 2; level 3 needs a second channel.
    await wave(orgId, channels.facebook, 16, 16, 45);
    const outcome = await detector.run(orgId);
    expect(outcome).toMatchObject({ decision: 'alert', level: 2 });
    const [only, ...rest] = await detections();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ id: outcome.detectionId, level: 2, playbookId, status: 'open' });
    expect(only!.channels).toEqual([expect.objectContaining({ channelName: 'Facebook Stadt Musterstadt', negative: 20, meeting: true })]);
    // Admin and Redaktion (editors, admins; the Redaktion is also the level's contact), by e-mail too.
    expect(await suspected()).toEqual([
      { email: 'admin@musterstadt.example', title: 'Möglicher Shitstorm: Stufe 2 – Frische Brise', emailStatus: 'due' },
      { email: 'redaktion@musterstadt.example', title: 'Möglicher Shitstorm: Stufe 2 – Frische Brise', emailStatus: 'due' },
    ]);
    const listed = await redaktion.get<CrisisDetectionView[]>(url('/crisis-detections'));
    expect(listed.body).toEqual([expect.objectContaining({ id: only!.id, suggestedLevel: 2, levelName: 'Stufe 2 – Frische Brise', playbook: expect.objectContaining({ id: playbookId, versionNumber: 1 }) })]);
    expect(await crisisModeUntouched()).toEqual({ incidents: 0, stop: false });
  });

  it('the same wave does not alert again on the next runs', async () => {
    expect((await detector.run(orgId)).decision).toBe('same_wave');
    expect((await detector.run(orgId)).decision).toBe('same_wave');
    expect(await detections()).toHaveLength(1);
    expect(await suspected()).toHaveLength(2);
  });

  it('across channels: the wave spreads to Instagram, level 3 alerts again with both channels', async () => {
    // Facebook gets to 32 negative of 48 (32 per hour, 67 %), Instagram 31 of 40: two channels over level 3.
    await wave(orgId, channels.facebook, 12, 12, 40);
    await wave(orgId, channels.instagram, 40, 31, 55);
    const outcome = await detector.run(orgId);
    expect(outcome).toMatchObject({ decision: 'alert', level: 3 });
    const all = await detections();
    expect(all.map((d) => d.level)).toEqual([2, 3]);
    expect(all[1]!.channels.filter((c) => c.meeting).map((c) => c.channelName).sort()).toEqual(['Facebook Stadt Musterstadt', 'Instagram Stadt Musterstadt']);
    expect((await suspected()).map((n) => n.title)).toContain('Möglicher Shitstorm: Stufe 3 – Starker Wind');
    expect((await detector.run(orgId)).decision).toBe('same_wave');
    expect(await detections()).toHaveLength(2);
  });

  it('never activates crisis mode; a person dismisses the alert (audited) or declares the crisis from it', async () => {
    expect(await crisisModeUntouched()).toEqual({ incidents: 0, stop: false });
    const [older, newer] = (await redaktion.get<CrisisDetectionView[]>(url('/crisis-detections'))).body.reverse();
    const viewer = await app.as('lesen@musterstadt.example');
    expect((await viewer.post(url(`/crisis-detections/${older!.id}/dismiss`), { version: older!.version, reason: '' })).status).toBe(403);
    const dismissed = await redaktion.post<CrisisDetectionView>(url(`/crisis-detections/${older!.id}/dismiss`), { version: older!.version, reason: 'Bereits höhere Stufe gemeldet' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed' });
    expect((await redaktion.post(url(`/crisis-detections/${older!.id}/dismiss`), { version: older!.version, reason: '' })).status).toBe(409);
    const [audit] = await app.owner.query(`SELECT action, actor_user_id IS NOT NULL AS "byPerson" FROM audit_events WHERE object_id = $1 AND action = 'crisis_detection.dismissed'`, [older!.id]);
    expect(audit).toEqual({ action: 'crisis_detection.dismissed', byPerson: true });
    expect((await redaktion.get<CrisisDetectionView[]>(url('/crisis-detections'))).body.map((d) => d.id)).toEqual([newer!.id]);

    const declared = await redaktion.post<IncidentView>(url('/incidents'), { playbookId, title: 'Kritikwelle Vollsperrung', reason: 'Möglicher Shitstorm erkannt', level: 3, detectionId: newer!.id });
    expect(declared.status).toBe(201);
    incidentId = declared.body.id;
    expect((await detections()).map((d) => d.status)).toEqual(['dismissed', 'declared']);
    expect((await redaktion.get<CrisisDetectionView[]>(url('/crisis-detections'))).body).toEqual([]);
    // While the incident is open at level 3, the wave at level 3 is being handled: nothing new.
    expect((await detector.run(orgId)).decision).toBe('none');
  });

  it('offers the level’s holding statements to the reply composer and records on the timeline when a reply built on one is sent', async () => {
    const statements = await redaktion.get<Array<{ id: string; versionId: string; title: string }>>(url('/crisis-status/holding-statements'));
    expect(statements.body.map((s) => ({ id: s.id, title: s.title }))).toEqual([{ id: holdingStatementId, title: 'Wir nehmen die Kritik ernst' }]);
    const capture = async () => (await redaktion.post<{ id: string; version: number }>(url('/inbox/items'), { channelId: channels.facebook, authorHandle: 'kritik', text: 'Was soll die Sperrung?' })).body;
    // A reply without the statement leaves the timeline alone; one with it is recorded.
    const plain = await capture();
    expect((await redaktion.post(url(`/inbox/items/${plain.id}/replies`), { version: plain.version, body: 'Danke für den Hinweis.', delivery: 'copied' })).status).toBe(201);
    const item = await capture();
    const sent = await redaktion.post(url(`/inbox/items/${item.id}/replies`), { version: item.version, body: 'Guten Tag, wir nehmen Ihre Kritik ernst und melden uns bis heute Abend.', delivery: 'copied', textBlockVersionId: statements.body[0]!.versionId });
    expect(sent.status).toBe(201);
    const timeline = (await redaktion.get<IncidentView>(url(`/incidents/${incidentId}`))).body.timeline.filter((e) => e.kind === 'statement_used');
    expect(timeline.map((e) => e.text)).toEqual(['Haltungsstatement als Antwort kopiert und veröffentlicht: „Wir nehmen die Kritik ernst“ (/haltung-sperrung)']);
    const [audit] = await app.owner.query(`SELECT details FROM audit_events WHERE object_id = $1 AND action = 'incident.statement_used'`, [incidentId]);
    expect(audit.details).toMatchObject({ textBlockId: holdingStatementId, inboxItemId: item.id, delivery: 'copied' });
  });

  it('runs by itself after an arrival (debounced job on the real queue), with the default scale when no playbook is approved', async () => {
    const landkreis = await app.organizationId('Landkreis Beispiel');
    const admin = await app.as('admin@landkreis-beispiel.example');
    const channel = (await admin.post<{ id: string }>(`/api/orgs/${landkreis}/channels`, { platform: 'mastodon', name: 'Mastodon Landkreis', color: '#6364ff' })).body.id;
    await wave(landkreis, channel, 10, 8);
    expect(await detections(landkreis)).toEqual([]);
    const captured = await admin.post(`/api/orgs/${landkreis}/inbox/items`, { channelId: channel, authorHandle: 'neu', text: 'Noch ein Kommentar zur Sperrung' });
    expect(captured.status).toBe(201);
    const [raised] = await waitFor('the detection job after the arrival', async () => (await detections(landkreis)).length > 0 && detections(landkreis), 25_000);
    expect(raised).toMatchObject({ level: 1, playbookId: null, status: 'open' });
    const [{ editors }] = await app.owner.query(`SELECT array_agg(u.email ORDER BY u.email) AS editors FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND m.role IN ('admin', 'editor')`, [landkreis]);
    expect((await suspected(landkreis)).map((n) => n.email)).toEqual(editors);
  }, 40_000);
});

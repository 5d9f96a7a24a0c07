import { type ApprovalRequestView, CSRF_COOKIE, SESSION_COOKIE, type IncidentView, type LiftStopResult, type PausedPostView, type PlaybookView } from '@amtsplan/contracts';
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { ApiClient } from '../support/api-client';
import { decodeQuotedPrintable, SmtpListener } from '../support/smtp-listener';
import { startTestApp, TestApp } from '../support/test-app';
import { sleep, waitFor } from '../support/wait';

interface Post {
  id: string;
  version: number;
  status: string;
  planning: { kind: string; at?: string };
}
interface Request {
  id: string;
  contentHash: string;
  status: string;
}

const WIN_ANSI_HIGH: Record<number, string> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((char, i) => [0x80 + i, char]),
);

/** The text a PDF shows (as in approval-protocol.integration.ts): pdfkit's hex strings in WinAnsi. */
function pdfTextOf(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const block of content.split(/\bET\b/)) {
      const hex = [...block.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1]).join('');
      if (hex) lines.push([...Buffer.from(hex, 'hex')].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return lines.join('\n');
}

describe('Krisenmodus: playbooks, alerts, timeline, Kommunikationsstopp with lifting decisions, report, drills (real PostgreSQL, Redis, worker, SMTP)', () => {
  const smtp = new SmtpListener();
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let redaktion: ApiClient;
  let leitung: ApiClient;
  let channelId: string;
  let playbook: PlaybookView;
  let incident: IncidentView;
  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

  async function approvedPost(plannedAt: string): Promise<Post> {
    const created = await redaktion.post<Post>(url('/posts'), {
      workingTitle: `Geplant ${randomUUID().slice(0, 6)}`,
      text: 'Heute Abend: Lichterfest auf dem Marktplatz.',
      variants: [{ channelId, text: null }],
      planning: { kind: 'time', at: plannedAt },
    });
    expect(created.status).toBe(201);
    const submitted = await redaktion.post<Request>(url(`/posts/${created.body.id}/submit`), { version: created.body.version });
    const decided = await leitung.post<Request>(url(`/approval-requests/${submitted.body.id}/decisions`), { decision: 'approve', stepIndex: 1, contentHash: submitted.body.contentHash });
    expect(decided.body.status).toBe('approved');
    return created.body;
  }

  async function download(client: ApiClient, path: string) {
    if (!client.cookie(CSRF_COOKIE)) await client.get('/api/auth/csrf');
    const cookie = [SESSION_COOKIE, CSRF_COOKIE].filter((name) => client.cookie(name)).map((name) => `${name}=${client.cookie(name)}`).join('; ');
    const response = await app.api.inject({ method: 'GET', url: path, headers: { cookie }, remoteAddress: client.ip });
    return { status: response.statusCode, headers: response.headers, raw: response.rawPayload };
  }

  const post = async (id: string) => (await redaktion.get<Post>(url(`/posts/${id}`))).body;
  const publications = async (id: string) => (await redaktion.get<{ publications: Array<{ status: string }> }>(url(`/posts/${id}/publications`))).body.publications;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp('crisis', 7, { smtpUrl });
    await app.startWorker();
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, redaktion, leitung] = await Promise.all(['admin', 'redaktion', 'leitung'].map((name) => app.as(`${name}@musterstadt.example`)));
    channelId = (await redaktion.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' })).body.id;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it('copies a template and adapts it: members as contacts, a new draft version after sign-off', async () => {
    const copied = await admin.post<PlaybookView>(url('/playbooks/copy-template'), { templateKey: 'kritikwelle' });
    expect(copied.status).toBe(201);
    expect(copied.body).toMatchObject({ templateKey: 'kritikwelle', versionNumber: 1, versionStatus: 'draft' });
    const members = (await admin.get<Array<{ user: { id: string; email: string } }>>(url('/members'))).body;
    const idOf = (email: string) => members.find((m) => m.user.email === email)!.user.id;
    const content = structuredClone(copied.body.content);
    content.contacts = content.contacts.map((c) =>
      c.id === 'pressestelle' ? { ...c, name: 'Petra Presse', userId: idOf('redaktion@musterstadt.example') } : c.id === 'verwaltungsspitze' ? { ...c, userId: idOf('leitung@musterstadt.example') } : c,
    );
    const saved = await admin.patch<PlaybookView>(url(`/playbooks/${copied.body.id}`), { version: copied.body.version, content, nextReviewOn: '2027-06-30' });
    expect({ status: saved.status, body: saved.status === 200 ? null : saved.body }).toEqual({ status: 200, body: null });
    expect(saved.body).toMatchObject({ versionNumber: 1, nextReviewOn: '2027-06-30' });
    const stale = await admin.patch(url(`/playbooks/${copied.body.id}`), { version: copied.body.version, nextReviewOn: '2027-07-01' });
    expect(stale.status).toBe(409);
    // The sign-off goes through the organization's Freigabe: submit opens a request on the route.
    const submitted = await admin.post<ApprovalRequestView>(url(`/playbooks/${copied.body.id}/submit`), { version: saved.body.version });
    expect({ status: submitted.status, body: submitted.status === 201 ? null : submitted.body }).toEqual({ status: 201, body: null });
    expect(submitted.body).toMatchObject({ subjectType: 'playbook', status: 'pending', contentHash: saved.body.contentHash, postId: null, textBlock: null });
    expect(submitted.body.playbook).toMatchObject({ playbookId: copied.body.id, versionNumber: 1, title: content.name, content: { name: content.name, scenario: content.scenario } });
    expect(submitted.body.playbook!.content.levels.map((l) => l.stepCount)).toEqual(content.levels.map((l) => l.checklist.length));
    const inApproval = (await admin.get<PlaybookView>(url(`/playbooks/${copied.body.id}`))).body;
    expect(inApproval).toMatchObject({ versionStatus: 'in_approval', approvedVersionNumber: null, approvalRequestId: submitted.body.id });
    expect((await admin.post(url(`/playbooks/${copied.body.id}/submit`), { version: inApproval.version })).status).toBe(422);
    const step = submitted.body.currentStepIndex!;
    // Four-eyes: the author of the playbook cannot sign it off, whatever their role.
    const byAuthor = await admin.post(url(`/approval-requests/${submitted.body.id}/decisions`), { decision: 'approve', stepIndex: step, contentHash: submitted.body.contentHash });
    expect(byAuthor.status).toBe(403);
    const inbox = (await leitung.get<{ waitingForMe: Array<{ requestId: string; subjectType: string; playbookId: string | null; workingTitle: string }> }>(url('/approvals/inbox'))).body;
    expect(inbox.waitingForMe.find((i) => i.requestId === submitted.body.id)).toMatchObject({ subjectType: 'playbook', playbookId: copied.body.id, workingTitle: content.name });
    const decided = await leitung.post<ApprovalRequestView>(url(`/approval-requests/${submitted.body.id}/decisions`), { decision: 'approve', stepIndex: step, contentHash: submitted.body.contentHash });
    expect({ status: decided.status, body: decided.status === 201 ? null : decided.body }).toEqual({ status: 201, body: null });
    expect(decided.body.status).toBe('approved');
    const approved = (await admin.get<PlaybookView>(url(`/playbooks/${copied.body.id}`))).body;
    expect(approved).toMatchObject({ versionStatus: 'approved', approvedVersionNumber: 1 });
    expect((await admin.post(url(`/playbooks/${copied.body.id}/version-status`), { version: approved.version, status: 'approved' })).status).toBe(404);
    // Changing signed content starts version 2 as a draft; version 1 stays signed.
    const changed = await admin.patch<PlaybookView>(url(`/playbooks/${copied.body.id}`), { version: approved.version, content: { ...content, scenario: `${content.scenario} Angepasst.` } });
    expect(changed.body).toMatchObject({ versionNumber: 2, versionStatus: 'draft', approvedVersionNumber: 1 });
    expect(changed.body.contentHash).not.toBe(approved.contentHash);
    const invalid = await admin.patch<{ errors: Array<{ path: string }> }>(url(`/playbooks/${copied.body.id}`), { version: changed.body.version, content: { ...content, name: ' ' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => e.path)).toContain('content.name');
    playbook = changed.body;
  });

  it('voids a running sign-off when the content is edited, and sends a version back to Entwurf on changes requested', async () => {
    const copied = (await admin.post<PlaybookView>(url('/playbooks/copy-template'), { templateKey: 'datenpanne' })).body;
    const submitted = (await admin.post<ApprovalRequestView>(url(`/playbooks/${copied.id}/submit`), { version: copied.version })).body;
    const pending = (await admin.get<PlaybookView>(url(`/playbooks/${copied.id}`))).body;
    expect(pending.versionStatus).toBe('in_approval');
    const edited = await admin.patch<PlaybookView>(url(`/playbooks/${copied.id}`), { version: pending.version, content: { ...pending.content, scenario: `${pending.content.scenario} Ergänzt.` } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ versionNumber: 2, versionStatus: 'draft', approvedVersionNumber: null, approvalRequestId: null });
    const voided = (await leitung.get<ApprovalRequestView>(url(`/approval-requests/${submitted.id}`))).body;
    expect(voided.status).toBe('voided');
    expect(voided.voidReasons[0]!.message).toContain('neuere Fassung');
    const late = await leitung.post(url(`/approval-requests/${submitted.id}/decisions`), { decision: 'approve', stepIndex: submitted.currentStepIndex, contentHash: submitted.contentHash });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect((await admin.get<PlaybookView>(url(`/playbooks/${copied.id}`))).body.approvedVersionNumber).toBeNull();

    // Version 2 goes in; the Leitung asks for changes: back to Entwurf, and the next edit is version 3.
    const second = (await admin.post<ApprovalRequestView>(url(`/playbooks/${copied.id}/submit`), { version: edited.body.version })).body;
    const asked = await leitung.post<ApprovalRequestView>(url(`/approval-requests/${second.id}/decisions`), { decision: 'request_changes', stepIndex: second.currentStepIndex, contentHash: second.contentHash, comment: 'Kontakte der Datenschutzbeauftragten ergänzen.' });
    expect({ status: asked.status, body: asked.status === 201 ? null : asked.body }).toEqual({ status: 201, body: null });
    const back = (await admin.get<PlaybookView>(url(`/playbooks/${copied.id}`))).body;
    expect(back).toMatchObject({ versionNumber: 2, versionStatus: 'draft', approvedVersionNumber: null, approvalRequestId: second.id });
    expect((await admin.post(url(`/playbooks/${copied.id}/submit`), { version: back.version })).status).toBe(422);
    const third = await admin.patch<PlaybookView>(url(`/playbooks/${copied.id}`), { version: back.version, content: { ...back.content, name: `${back.content.name} (überarbeitet)` } });
    expect(third.body).toMatchObject({ versionNumber: 3, versionStatus: 'draft' });
  });

  it('declares a crisis at level 3: the level’s contacts who are members are alerted in-app and by e-mail; level changes and checklist steps are logged', async () => {
    const declared = await redaktion.post<IncidentView>(url('/incidents'), { playbookId: playbook.id, title: 'Baustelle Hauptstraße', reason: 'Viele wütende Kommentare zur Vollsperrung', level: 3 });
    expect(declared.status).toBe(201);
    incident = declared.body;
    expect(incident.timeline.map((e) => e.kind)).toEqual(['declared', 'contact_alerted']);
    expect(incident.timeline[0]!.text).toBe('Krise ausgerufen: Stufe 3 – Starker Wind. Anlass: Viele wütende Kommentare zur Vollsperrung');
    expect(incident.contactsAlerted.map((c) => c.contactId).sort()).toEqual(['pressestelle', 'verwaltungsspitze']);
    for (const to of ['redaktion@musterstadt.example', 'leitung@musterstadt.example']) {
      const mail = await smtp.waitFor((m) => m.to.includes(to) && decodeQuotedPrintable(m.raw).includes('Krisenalarm: Baustelle Hauptstra'));
      expect(decodeQuotedPrintable(mail.raw)).toContain('Stufe 3');
    }

    const changed = await redaktion.post<IncidentView>(url(`/incidents/${incident.id}/level`), { version: incident.version, level: 4, reason: 'Regionale Medien berichten' });
    expect(changed.status).toBe(200);
    expect(changed.body.status).toBe('active');
    expect(changed.body.timeline.map((e) => e.text)).toContain('Stufe geändert: Stufe 3 – Starker Wind → Stufe 4 – Sturm. Grund: Regionale Medien berichten');
    await smtp.waitFor((m) => m.to.includes('leitung@musterstadt.example') && decodeQuotedPrintable(m.raw).includes('Stufe 4'));
    const stale = await redaktion.post(url(`/incidents/${incident.id}/level`), { version: incident.version, level: 5, reason: '' });
    expect(stale.status).toBe(409);
    const same = await redaktion.post(url(`/incidents/${incident.id}/level`), { version: changed.body.version, level: 4, reason: '' });
    expect(same.status).toBe(422);

    const step = await redaktion.post<IncidentView>(url(`/incidents/${incident.id}/checklist`), { version: changed.body.version, level: 4, stepId: 's4-1', done: true });
    expect(step.body.checklist).toEqual([expect.objectContaining({ level: 4, stepId: 's4-1' })]);
    expect(step.body.timeline.at(-1)!.text).toBe('Erledigt: Verwaltungsspitze persönlich unterrichten');
    const statement = await redaktion.post<IncidentView>(url(`/incidents/${incident.id}/statements`), { textBlockId: randomUUID(), note: 'Antwort unter dem Sperrungs-Post' });
    expect(statement.body.timeline.at(-1)!.kind).toBe('statement_used');
    incident = statement.body;

    const audited: Array<{ action: string }> = await app.owner.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [incident.id]);
    expect(audited.map((a) => a.action)).toEqual(['incident.declared', 'incident.level_changed', 'incident.checklist_step_changed', 'incident.statement_used']);
  });

  it('Kommunikationsstopp: due posts are held; lifting needs a decision per post and applies publish now, re-plan and leave paused', async () => {
    const activated = await redaktion.post<IncidentView>(url(`/incidents/${incident.id}/stop`), { version: incident.version, confirm: true, reason: 'Keine Werbung während der Welle' });
    expect(activated.status).toBe(200);
    expect(activated.body.stopActive).toBe(true);
    const unconfirmed = await redaktion.post(url(`/incidents/${incident.id}/stop`), { version: activated.body.version, reason: 'x' });
    expect(unconfirmed.status).toBe(400);
    const status = await redaktion.get<{ stop: { reason: string } | null; incident: { id: string } | null }>(url('/crisis-status'));
    expect(status.body).toMatchObject({ stop: { reason: 'Keine Werbung während der Welle' }, incident: { id: incident.id } });

    const [now, later, paused] = await Promise.all([approvedPost(inMs(2500)), approvedPost(inMs(2500)), approvedPost(inMs(2500))]);
    await sleep(5_000);
    // The worker's jobs for them ran and found the stop: nothing was claimed or published.
    for (const p of [now, later, paused]) {
      expect((await post(p.id)).status).toBe('scheduled');
      expect(await publications(p.id)).toEqual([]);
    }
    const held = await redaktion.get<PausedPostView[]>(url(`/incidents/${incident.id}/paused-posts`));
    expect(held.body.map((p) => p.postId).sort()).toEqual([now.id, later.id, paused.id].sort());

    const version = activated.body.version;
    const incomplete = await redaktion.post<{ errors: Array<{ path: string }> }>(url(`/incidents/${incident.id}/stop/lift`), {
      version,
      reason: 'Lage beruhigt',
      decisions: [{ postId: now.id, decision: 'publish_now' }],
    });
    expect(incomplete.status).toBe(400);
    expect((await redaktion.get<{ stop: unknown }>(url('/crisis-status'))).body.stop).not.toBeNull();

    const newTime = inMs(24 * 3600_000);
    const lifted = await redaktion.post<LiftStopResult>(url(`/incidents/${incident.id}/stop/lift`), {
      version,
      reason: 'Lage beruhigt',
      bulk: { decision: 'leave_paused' },
      decisions: [
        { postId: now.id, decision: 'publish_now' },
        { postId: later.id, decision: 'replan', plannedAt: newTime },
      ],
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ published: [now.id], replanned: [later.id], leftPaused: [paused.id] });
    expect(lifted.body.incident.stopActive).toBe(false);
    const kinds = lifted.body.incident.timeline.map((e) => e.kind);
    expect([...kinds.slice(-4, -1)].sort()).toEqual(['post_paused', 'post_resumed', 'post_resumed']);
    expect(kinds.at(-1)).toBe('stop_lifted');

    // Publish now: the publisher takes it (a channel without API connection: "Jetzt veröffentlichen" by hand).
    await waitFor('the released post handed to the publisher', async () => ((await publications(now.id)).length === 1 ? true : null), 20_000);
    // The attempt is `publishing` for a moment before the manual adapter hands it to a person.
    await waitFor('the released post due by hand', async () => (await publications(now.id))[0]!.status === 'manual_due', 20_000);
    // Re-planned: the new time voids the approval (the planning is part of the approved content).
    const replanned = await post(later.id);
    expect(replanned.status).toBe('draft');
    expect(new Date(replanned.planning.at!).toISOString()).toBe(newTime);
    // Left paused: unscheduled with its approval, shown as paused in the plan, never published.
    expect((await post(paused.id)).status).toBe('approved');
    const entries = await redaktion.get<Array<{ id: string; pausedAt?: string }>>(url(`/plan-entries?from=${encodeURIComponent(inMs(-3600_000))}&to=${encodeURIComponent(inMs(3600_000))}`));
    expect(entries.body.find((e) => e.id === paused.id)?.pausedAt).toBeDefined();
    await sleep(2_000);
    expect(await publications(paused.id)).toEqual([]);
    incident = lifted.body.incident;
  }, 90_000);

  it('ends, takes the review and exports the report with the timeline', async () => {
    const ended = await redaktion.post<IncidentView>(url(`/incidents/${incident.id}/end`), { version: incident.version });
    expect(ended.body.status).toBe('ended');
    const reviewed = await redaktion.post<IncidentView>(url(`/incidents/${incident.id}/review`), {
      version: ended.body.version,
      review: { whatHappened: 'Welle nach der Sperrung.', whatWorked: 'Schnelles Statement.', whatToChange: 'Anwohner früher informieren.', followUps: [{ title: 'Infoblatt Baustellen', owner: 'Pressestelle', dueOn: '2027-01-15', done: false }] },
    });
    expect(reviewed.body.status).toBe('reviewed');

    const pdf = await download(redaktion, url(`/incidents/${incident.id}/report.pdf`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfTextOf(pdf.raw);
    expect(text).toContain('Krisenbericht');
    expect(text).toContain('Krise ausgerufen: Stufe 3 – Starker Wind. Anlass: Viele wütende Kommentare zur Vollsperrung');
    expect(text).toContain('Stufe geändert: Stufe 3 – Starker Wind → Stufe 4 – Sturm. Grund: Regionale Medien berichten'.replace('→', '->'));
    expect(text).toContain('Kommunikationsstopp aufgehoben. Grund: Lage beruhigt');
    expect(text).toContain('Infoblatt Baustellen – Pressestelle, bis 2027-01-15');
  });

  it('a drill (Übung) pauses nothing real, publishes as usual, alerts nobody, and keeps its review', async () => {
    const [{ n: alertsBefore }] = await app.owner.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'crisis_alert'`);
    const drill = await redaktion.post<IncidentView>(url('/incidents'), { playbookId: playbook.id, title: 'Übung Kritikwelle', reason: 'Schulungswoche', level: 3, drill: true });
    expect(drill.body.drill).toBe(true);
    expect(drill.body.drillWave.length).toBeGreaterThan(30);
    const stopped = await redaktion.post<IncidentView>(url(`/incidents/${drill.body.id}/stop`), { version: drill.body.version, confirm: true, reason: 'Übung' });
    expect(stopped.body.stopActive).toBe(true);
    expect((await redaktion.get<{ stop: unknown; incident: unknown }>(url('/crisis-status'))).body).toEqual({ stop: null, incident: null });
    const [{ stop }] = await app.owner.query(`SELECT communication_stop AS stop FROM organizations WHERE id = $1`, [orgId]);
    expect(stop).toBe(false);

    const real = await approvedPost(inMs(1500));
    await waitFor('a real post published during the drill', async () => ((await publications(real.id)).length === 1 ? true : null), 20_000);
    expect((await redaktion.get<PausedPostView[]>(url(`/incidents/${drill.body.id}/paused-posts`))).body).toEqual([]);
    const notEnded = await redaktion.post(url(`/incidents/${drill.body.id}/end`), { version: stopped.body.version });
    expect(notEnded.status).toBe(422);
    const lifted = await redaktion.post<LiftStopResult>(url(`/incidents/${drill.body.id}/stop/lift`), { version: stopped.body.version, reason: 'Übung vorbei' });
    const ended = await redaktion.post<IncidentView>(url(`/incidents/${drill.body.id}/end`), { version: lifted.body.incident.version });
    const reviewed = await redaktion.post<IncidentView>(url(`/incidents/${drill.body.id}/review`), {
      version: ended.body.version,
      review: { whatHappened: 'Übung durchgespielt.', whatWorked: 'Checkliste.', whatToChange: 'Kontakte aktualisieren.', followUps: [] },
    });
    expect(reviewed.body).toMatchObject({ status: 'reviewed', review: { whatHappened: 'Übung durchgespielt.' } });
    const [{ n: alertsAfter }] = await app.owner.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'crisis_alert'`);
    expect(alertsAfter).toBe(alertsBefore);
  }, 60_000);
});

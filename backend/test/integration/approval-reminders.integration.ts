import { reminderJobId, type ReminderKind } from '@amtsplan/domain';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { ApprovalReminderHandler } from '../../src/approvals/approval-reminder.handler';
import { ApprovalReminderSweep } from '../../src/approvals/approval-reminder-sweep';
import { JobQueue } from '../../src/queues/job-queue';
import { QueueName } from '../../src/queues/queue-registry';
import { ApiClient } from '../support/api-client';
import { decodeQuotedPrintable, SmtpListener } from '../support/smtp-listener';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/wait';

interface Request {
  id: string;
  status: string;
  contentHash: string;
  currentStepIndex: number | null;
  post: { version: number };
}
interface NotificationRow {
  recipient_user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  email_status: string;
}

const HOUR = 60 * 60 * 1000;

describe('Freigabe reminders and escalations (real PostgreSQL, Redis, worker and SMTP)', () => {
  const smtp = new SmtpListener();
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let redaktion: ApiClient;
  let leitung: ApiClient;
  let fachbereich: ApiClient;
  let mastodon: string;
  const users: Record<string, string> = {};

  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const queue = (): Queue => app.worker!.get(JobQueue, { strict: false }).queue(QueueName.Reminders);
  const job = (requestId: string, step: number, kind: ReminderKind): Promise<Job | undefined> => queue().getJob(reminderJobId(requestId, step, kind));
  const notifications = (where: string, ...params: unknown[]): Promise<NotificationRow[]> =>
    app.owner.query(`SELECT recipient_user_id, kind, title, body, link, email_status FROM notifications WHERE ${where} ORDER BY created_at`, params);
  const mailsTo = (email: string, text: string) => smtp.mails.filter((m) => m.to.includes(email) && decodeQuotedPrintable(m.raw).includes(text));

  /** A post with the tag that selects the route "Eilig" (Leitung, deputy Redaktion, 24 h), submitted by the admin. */
  async function submitUrgent(title: string): Promise<Request> {
    const created = await admin.post<{ id: string; version: number }>(url('/posts'), { workingTitle: title, text: `${title}: bitte beachten.`, tags: ['eilig'], variants: [{ channelId: mastodon, text: null }] });
    expect(created.status).toBe(201);
    const submitted = await admin.post<Request>(url(`/posts/${created.body.id}/submit`), { version: created.body.version });
    expect(submitted.status).toBe(201);
    return submitted.body;
  }

  /** Fires a delayed job now, as if its time had come, and waits until the worker is done with it. */
  async function fire(requestId: string, step: number, kind: ReminderKind): Promise<void> {
    const found = await job(requestId, step, kind);
    expect(found).toBeDefined();
    await found!.promote();
    await until(async () => (await found!.getState()) === 'completed');
  }

  beforeAll(async () => {
    app = await startTestApp('approvalreminders', 5, { smtpUrl: await smtp.start() });
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, redaktion, leitung, fachbereich] = await Promise.all(['admin', 'redaktion', 'leitung', 'fachbereich'].map((name) => app.as(`${name}@musterstadt.example`)));
    const rows: Array<{ id: string; email: string }> = await app.owner.query('SELECT id, email FROM users');
    for (const row of rows) if (row.email.endsWith('@musterstadt.example')) users[row.email.split('@')[0]!] = row.id;
    mastodon = (await redaktion.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' })).body.id;
    const route = await admin.post(url('/approval-routes'), {
      name: 'Eilig',
      priority: 5,
      conditions: { tags: ['eilig'] },
      steps: [{ name: 'Leitung', approvers: { kind: 'users', userIds: [users['leitung']] }, mode: 'any', deputyUserId: users['redaktion'], due: { kind: 'after_submission', hours: 24 } }],
    });
    if (route.status !== 201) throw new Error(JSON.stringify(route.body));
    await app.startWorker();
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  it('asks the approvers at submission and adds the step\'s jobs: reminder 4 h before due, deputy at due, admins 8 h later', async () => {
    const before = Date.now();
    const request = await submitUrgent('Wasserrohrbruch');
    const asked = await notifications(`kind = 'approval_requested' AND link = $1`, `/o/${orgId}/freigaben/${request.id}`);
    expect(asked.map((n) => n.recipient_user_id)).toEqual([users['leitung']]);
    expect(asked[0]!.title).toBe('Freigabe erbeten: Wasserrohrbruch');
    const dueIn = { remind: 20 * HOUR, escalate_deputy: 24 * HOUR, escalate_admin: 32 * HOUR };
    for (const kind of ['remind', 'escalate_deputy', 'escalate_admin'] as const) {
      const found = await job(request.id, 0, kind);
      expect(found?.data).toEqual({ organizationId: orgId, requestId: request.id, stepIndex: 0, kind });
      expect(await found!.getState()).toBe('delayed');
      const firesAt = found!.timestamp + found!.opts.delay!;
      expect(firesAt).toBeGreaterThanOrEqual(before + dueIn[kind] - 1000);
      expect(firesAt).toBeLessThanOrEqual(Date.now() + dueIn[kind] + 1000);
    }
  });

  it('reminds the approver before the due time, in the app and by e-mail, then escalates to the deputy and then the admins', async () => {
    const request = await submitUrgent('Straßensperrung');
    const link = `/o/${orgId}/freigaben/${request.id}`;

    await fire(request.id, 0, 'remind');
    const reminded = await notifications(`kind = 'approval_reminder' AND link = $1`, link);
    expect(reminded.map((n) => n.recipient_user_id)).toEqual([users['leitung']]);
    expect(reminded[0]!.title).toBe('Freigabe bald fällig: Straßensperrung');
    expect(reminded[0]!.body).toMatch(/Schritt 1 „Leitung“ ist am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr fällig/);
    const mail = await smtp.waitFor((m) => m.to.includes('leitung@musterstadt.example') && decodeQuotedPrintable(m.raw).includes('Freigabe bald fällig: Straßensperrung'));
    expect(decodeQuotedPrintable(mail.raw)).toContain(link);
    expect(await notifications(`kind = 'approval_escalated' AND link = $1`, link)).toEqual([]);

    await fire(request.id, 0, 'escalate_deputy');
    const toDeputy = await notifications(`kind = 'approval_escalated' AND link = $1`, link);
    expect(toDeputy.map((n) => [n.recipient_user_id, n.title])).toEqual([[users['redaktion'], 'Freigabe überfällig, bitte vertreten: Straßensperrung']]);
    await smtp.waitFor((m) => m.to.includes('redaktion@musterstadt.example') && decodeQuotedPrintable(m.raw).includes('bitte vertreten: Straßensperrung'));

    await fire(request.id, 0, 'escalate_admin');
    const escalated = await notifications(`kind = 'approval_escalated' AND link = $1`, link);
    expect(escalated.map((n) => [n.recipient_user_id, n.title])).toEqual([
      [users['redaktion'], 'Freigabe überfällig, bitte vertreten: Straßensperrung'],
      [users['admin'], 'Freigabe überfällig: Straßensperrung'],
    ]);
    await smtp.waitFor((m) => m.to.includes('admin@musterstadt.example') && decodeQuotedPrintable(m.raw).includes('Freigabe überfällig: Straßensperrung'));
  });

  it('tells each person once when a job fires twice (retry, or re-created by the sweep)', async () => {
    const request = await submitUrgent('Doppelt');
    const handler = app.worker!.get(ApprovalReminderHandler, { strict: false });
    const payload = { organizationId: orgId, requestId: request.id, stepIndex: 0, kind: 'remind' as const };
    await handler.handle(payload);
    await handler.handle(payload);
    const rows = await notifications(`kind = 'approval_reminder' AND link = $1`, `/o/${orgId}/freigaben/${request.id}`);
    expect(rows).toHaveLength(1);
    await until(async () => (await notifications(`kind = 'approval_reminder' AND link = $1 AND email_status = 'sent'`, `/o/${orgId}/freigaben/${request.id}`)).length === 1);
    expect(mailsTo('leitung@musterstadt.example', 'Freigabe bald fällig: Doppelt')).toHaveLength(1);
  });

  it('sends nothing for a request decided or voided before its job fires, and removes the jobs it can', async () => {
    const decided = await submitUrgent('Schon entschieden');
    const approved = await leitung.post<Request>(url(`/approval-requests/${decided.id}/decisions`), { decision: 'approve', stepIndex: 0, contentHash: decided.contentHash });
    expect(approved.status).toBe(201);
    const told = await notifications(`kind = 'approval_decided' AND link = $1`, `/o/${orgId}/freigaben/${decided.id}`);
    expect(told.map((n) => [n.recipient_user_id, n.title])).toEqual([[users['admin'], 'Freigegeben: Schon entschieden']]);

    const voided = await submitUrgent('Wird geändert');
    const post = (await admin.get<{ id: string; version: number }>(url(`/posts/${(await app.owner.query('SELECT post_id FROM approval_requests WHERE id = $1', [voided.id]))[0].post_id}`))).body;
    expect((await admin.patch(url(`/posts/${post.id}`), { version: post.version, text: 'Neuer Text, neue Freigabe nötig.' })).status).toBe(200);
    const voidNotice = await notifications(`kind = 'approval_voided' AND link = $1`, `/o/${orgId}/freigaben/${voided.id}`);
    expect(voidNotice.map((n) => n.recipient_user_id)).toEqual(expect.arrayContaining([users['leitung'], users['redaktion']]));
    expect(voidNotice.find((n) => n.recipient_user_id === users['leitung'])!.body).toContain('Text');

    for (const request of [decided, voided]) {
      await until(async () => (await job(request.id, 0, 'remind')) === undefined);
      expect(await job(request.id, 0, 'escalate_admin')).toBeUndefined();
      // A job left behind (removal failed, Redis restored from a backup) finds nothing to do.
      const handler = app.worker!.get(ApprovalReminderHandler, { strict: false });
      for (const kind of ['remind', 'escalate_deputy', 'escalate_admin'] as const) await handler.handle({ organizationId: orgId, requestId: request.id, stepIndex: 0, kind });
      expect(await notifications(`kind IN ('approval_reminder', 'approval_escalated') AND link = $1`, `/o/${orgId}/freigaben/${request.id}`)).toEqual([]);
    }
  });

  it('tells the approvers when a request is withdrawn, and removes its jobs', async () => {
    const request = await submitUrgent('Zurückgezogen');
    const [row] = await app.owner.query('SELECT post_id FROM approval_requests WHERE id = $1', [request.id]);
    expect((await admin.post(url(`/posts/${row.post_id}/withdraw`))).status).toBe(200);
    const told = await notifications(`kind = 'approval_voided' AND link = $1`, `/o/${orgId}/freigaben/${request.id}`);
    // The approver and the deputy the open step asked; not the admin, who withdrew it.
    expect(told.map((n) => [n.recipient_user_id, n.title]).sort()).toEqual(
      [
        [users['leitung'], 'Freigabe zurückgezogen: Zurückgezogen'],
        [users['redaktion'], 'Freigabe zurückgezogen: Zurückgezogen'],
      ].sort(),
    );
    await until(async () => (await job(request.id, 0, 'escalate_deputy')) === undefined);
  });

  it('moves the reminders to the next step when a step is approved, and asks that step\'s approvers', async () => {
    const created = await fachbereich.post<{ id: string; version: number }>(url('/posts'), { workingTitle: 'Ferienprogramm', text: 'Anmeldung ab Montag.', variants: [{ channelId: mastodon, text: null }] });
    expect(created.status).toBe(201);
    const submitted = await fachbereich.post<Request>(url(`/posts/${created.body.id}/submit`), { version: created.body.version });
    expect(submitted.status).toBe(201);
    expect(submitted.body.currentStepIndex).toBe(0);
    expect(await job(submitted.body.id, 0, 'escalate_admin')).toBeDefined();
    const first = await redaktion.post<Request>(url(`/approval-requests/${submitted.body.id}/decisions`), { decision: 'approve', stepIndex: 0, contentHash: submitted.body.contentHash });
    expect(first.status).toBe(201);
    expect(first.body.currentStepIndex).toBe(1);
    const link = `/o/${orgId}/freigaben/${submitted.body.id}`;
    const asked = await notifications(`kind = 'approval_requested' AND link = $1`, link);
    expect(asked.map((n) => [n.recipient_user_id, n.body])).toEqual([
      [users['redaktion'], 'Schritt 1 „Redaktion“ wartet auf Ihre Entscheidung.'],
      [users['leitung'], 'Schritt 2 „Leitung“ wartet auf Ihre Entscheidung.'],
    ]);
    await until(async () => (await job(submitted.body.id, 0, 'escalate_admin')) === undefined);
    expect(await job(submitted.body.id, 1, 'escalate_admin')).toBeDefined();
  });

  it('re-creates the jobs of running requests from PostgreSQL after Redis lost them', async () => {
    const request = await submitUrgent('Nach dem Flush');
    const before = await job(request.id, 0, 'escalate_deputy');
    const firesAt = before!.timestamp + before!.opts.delay!;
    const redis = new Redis(app.config.redisUrl);
    await redis.flushdb();
    await redis.quit();
    expect(await job(request.id, 0, 'escalate_deputy')).toBeUndefined();

    const looked = await app.worker!.get(ApprovalReminderSweep, { strict: false }).run();
    expect(looked).toBeGreaterThanOrEqual(1);
    for (const kind of ['remind', 'escalate_deputy', 'escalate_admin'] as const) expect(await (await job(request.id, 0, kind))?.getState()).toBe('delayed');
    const again = await job(request.id, 0, 'escalate_deputy');
    expect(Math.abs(again!.timestamp + again!.opts.delay! - firesAt)).toBeLessThan(5_000);
    // Requests that are no longer running get nothing back.
    const [ended] = await app.owner.query(`SELECT id FROM approval_requests WHERE status <> 'pending' LIMIT 1`);
    expect(await job(ended.id, 0, 'remind')).toBeUndefined();
  });
});

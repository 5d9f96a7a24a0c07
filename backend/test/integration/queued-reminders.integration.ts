import type { Job, Queue } from 'bullmq';
import { PlaybookReviewReminderSweep } from '../../src/crisis/playbook-review-reminder-sweep';
import { playbookReviewReminderJobId } from '../../src/crisis/playbook-review-reminder-jobs';
import { InboxResponseReminderSweep } from '../../src/inbox/inbox-response-reminder-sweep';
import { inboxResponseReminderJobId } from '../../src/inbox/inbox-response-reminder-jobs';
import { JobQueue } from '../../src/queues/job-queue';
import { QueueName } from '../../src/queues/queue-registry';
import { ApiClient } from '../support/api-client';
import { decodeQuotedPrintable, SmtpListener } from '../support/smtp-listener';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/wait';

interface Item {
  id: string;
  version: number;
  status: string;
  responseDueAt: string;
  history: Array<{ action: string }>;
}
interface Playbook {
  id: string;
  version: number;
  nextReviewOn: string | null;
}

/** The dated reminders of the inbox's response clock and of the playbooks' review dates (real PostgreSQL, Redis, worker and SMTP). */
describe('Queued reminders: Antwortfrist im Posteingang and Playbook-Überprüfung', () => {
  const smtp = new SmtpListener();
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let community: ApiClient;
  const users: Record<string, string> = {};
  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const queue = (): Queue => app.worker!.get(JobQueue, { strict: false }).queue(QueueName.Reminders);

  async function waitForJob(id: string): Promise<Job> {
    let job: Job | undefined;
    await until(async () => (job = await queue().getJob(id)) !== undefined);
    return job!;
  }
  /** Fires a delayed job now, as if its time had come, and waits until the worker is done with it. */
  async function fire(job: Job): Promise<void> {
    await job.promote();
    await until(async () => (await job.getState()) === 'completed');
  }
  const notified = (dedupeKey: string): Promise<Array<{ recipient: string; title: string; body: string }>> =>
    app.owner.query(
      `SELECT u.email AS recipient, n.title, n.body FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.dedupe_key = $1 ORDER BY u.email`,
      [dedupeKey],
    );

  beforeAll(async () => {
    app = await startTestApp('queuedreminders', 2, { smtpUrl: await smtp.start() });
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, community] = await Promise.all(['admin', 'community'].map((name) => app.as(`${name}@musterstadt.example`)));
    const rows: Array<{ id: string; email: string }> = await app.owner.query('SELECT id, email FROM users');
    for (const row of rows) if (row.email.endsWith('@musterstadt.example')) users[row.email.split('@')[0]!] = row.id;
    await app.startWorker();
  });

  afterAll(async () => {
    await app?.close();
    await smtp.stop();
  });

  describe('Antwortfrist (response clock in office hours)', () => {
    const capture = async (text: string): Promise<Item> => {
      const response = await community.post<Item>(url('/inbox/items'), { authorHandle: '@buerger@social.example', text });
      expect(response.status).toBe(201);
      return response.body;
    };

    it('reminds the moderators and editors of an unassigned item before the breach, once, by e-mail too; the sweep re-creates a lost job', async () => {
      const item = await capture('Wann wird die Laterne in der Gartenstraße repariert?');
      const dueAt = new Date(item.responseDueAt);
      const soonId = inboxResponseReminderJobId(item.id, 'due_soon', dueAt);
      const soon = await waitForJob(soonId);
      expect(await soon.getState()).toBe('delayed');
      expect(await queue().getJob(inboxResponseReminderJobId(item.id, 'breached', dueAt))).toBeDefined();
      await soon.remove();

      expect(await app.worker!.get(InboxResponseReminderSweep, { strict: false }).run()).toBeGreaterThanOrEqual(1);
      const recreated = await waitForJob(soonId);
      await fire(recreated);
      const rows = await notified(soonId);
      // community@ is the moderator, redaktion@ the editor of Stadt Musterstadt; the admin is not asked.
      expect(rows.map((r) => r.recipient)).toEqual(['community@musterstadt.example', 'redaktion@musterstadt.example']);
      expect(rows[0]).toMatchObject({ title: 'Antwort bald fällig: @buerger@social.example' });
      expect(rows[0]!.body).toContain('„Wann wird die Laterne in der Gartenstraße repariert?“');
      await until(async () => smtp.mails.some((m) => m.to.includes('community@musterstadt.example') && decodeQuotedPrintable(m.raw).includes('Antwort bald fällig')));

      // The same reminder again (a retried or re-created job) tells nobody twice.
      await recreated.remove();
      await app.worker!.get(InboxResponseReminderSweep, { strict: false }).run();
      await fire(await waitForJob(soonId));
      expect(await notified(soonId)).toHaveLength(2);
      const detail = await community.get<Item>(url(`/inbox/items/${item.id}`));
      expect(detail.body.history.map((h) => h.action)).toEqual(['inbox.item_captured', 'inbox.response_reminder_sent']);
      expect(await app.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'inbox.response_reminder_sent' AND object_id = $1`, [item.id])).toEqual([{ n: 1 }]);
    });

    it('tells only the assignee at the breach, and nobody once the item is closed', async () => {
      const assigned = await capture('Warum ist das Freibad geschlossen?');
      const assignedNow = await community.request<Item>('PATCH', url(`/inbox/items/${assigned.id}/assignee`), { body: { version: assigned.version, assigneeUserId: users['community'] } });
      expect(assignedNow.status).toBe(200);
      const breachedId = inboxResponseReminderJobId(assigned.id, 'breached', new Date(assigned.responseDueAt));
      await fire(await waitForJob(breachedId));
      expect(await notified(breachedId)).toEqual([
        expect.objectContaining({ recipient: 'community@musterstadt.example', title: 'Antwortfrist überschritten: @buerger@social.example' }),
      ]);

      const closed = await capture('Erledigt sich von selbst');
      const closedNow = await community.request<Item>('PATCH', url(`/inbox/items/${closed.id}/status`), { body: { version: closed.version, status: 'closed_without_reply' } });
      expect(closedNow.status).toBe(200);
      const closedId = inboxResponseReminderJobId(closed.id, 'due_soon', new Date(closed.responseDueAt));
      await fire(await waitForJob(closedId));
      expect(await notified(closedId)).toEqual([]);
    });
  });

  describe('Playbook-Überprüfung', () => {
    it('reminds the owner a week ahead and on the day; the sweep re-creates a lost job; a moved date makes the old job do nothing', async () => {
      const copied = await admin.post<Playbook>(url('/playbooks/copy-template'), { templateKey: 'kritikwelle' });
      expect(copied.status).toBe(201);
      const dated = await admin.request<Playbook>('PATCH', url(`/playbooks/${copied.body.id}`), { body: { version: copied.body.version, nextReviewOn: '2031-05-20' } });
      expect(dated.status).toBe(200);
      const soonId = playbookReviewReminderJobId(copied.body.id, 'review_soon', '2031-05-20');
      const dueId = playbookReviewReminderJobId(copied.body.id, 'review_due', '2031-05-20');
      const soon = await waitForJob(soonId);
      expect(await soon.getState()).toBe('delayed');
      // 08:00 in Berlin on 13 May 2031 (summer time): 06:00 UTC.
      expect(soon.timestamp + soon.delay).toBeGreaterThanOrEqual(Date.parse('2031-05-13T06:00:00Z') - 60_000);
      expect(soon.timestamp + soon.delay).toBeLessThanOrEqual(Date.parse('2031-05-13T06:00:00Z') + 60_000);
      const due = await waitForJob(dueId);
      await due.remove();
      expect(await app.worker!.get(PlaybookReviewReminderSweep, { strict: false }).run()).toBeGreaterThanOrEqual(1);
      await fire(await waitForJob(dueId));
      expect(await notified(dueId)).toEqual([expect.objectContaining({ recipient: 'admin@musterstadt.example', title: expect.stringMatching(/^Playbook überprüfen: /) })]);
      expect(await app.owner.query(`SELECT to_char(review_reminded_for, 'YYYY-MM-DD') AS d FROM playbooks WHERE id = $1`, [copied.body.id])).toEqual([{ d: '2031-05-20' }]);
      expect(await app.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'playbook.review_reminder_sent' AND object_id = $1`, [copied.body.id])).toEqual([{ n: 1 }]);

      const moved = await admin.request<Playbook>('PATCH', url(`/playbooks/${copied.body.id}`), { body: { version: dated.body.version, nextReviewOn: '2031-09-01' } });
      expect(moved.status).toBe(200);
      await fire(soon);
      expect(await notified(soonId)).toEqual([]);
      expect(await queue().getJob(playbookReviewReminderJobId(copied.body.id, 'review_soon', '2031-09-01'))).toBeDefined();
    });
  });
});

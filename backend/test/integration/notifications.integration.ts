import { NotificationPage, NotificationPreferences, NotificationView, SESSION_COOKIE, UnreadCount } from '@amtsplan/contracts';
import { AddressInfo } from 'node:net';
import { Database } from '../../src/database/database';
import { NotificationMailSweepHandler } from '../../src/notifications/notification-mail-sweep.handler';
import { NotificationStreams } from '../../src/notifications/notification-streams';
import { NotificationRequest, Notifier } from '../../src/notifications/notifier';
import { ApiClient } from '../support/api-client';
import { decodeQuotedPrintable, ReceivedMail, SmtpListener } from '../support/smtp-listener';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/wait';
import { EventReader } from '../support/event-reader';

describe('notifications: bell, e-mail and live stream (real PostgreSQL, Redis, worker, SMTP and HTTP)', () => {
  const smtp = new SmtpListener();
  let app: TestApp;
  let closed = false;
  let database: Database;
  let notifier: Notifier;
  let musterstadt: string;
  let landkreis: string;
  const users: Record<string, string> = {};
  let baseUrl: string;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    app = await startTestApp('notifications', 9, { smtpUrl });
    musterstadt = await app.organizationId('Stadt Musterstadt');
    landkreis = await app.organizationId('Landkreis Beispiel');
    const rows: Array<{ id: string; email: string }> = await app.owner.query('SELECT id, email FROM users');
    for (const row of rows) users[row.email] = row.id;
    database = app.api.get(Database, { strict: false });
    notifier = app.api.get(Notifier, { strict: false });
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (!closed) await app.close();
    await smtp.stop();
  });

  /**
   * Notifies in an organization's scope without a person, as the worker does (reminders, publishing);
   * the rollback tests notify as a person in a request would.
   */
  function notify(request: Partial<NotificationRequest> & Pick<NotificationRequest, 'recipients' | 'title'>, organizationId = musterstadt) {
    return database.transaction({ organizationId }, (tx) =>
      notifier.notify(tx, { organizationId, kind: 'approval_requested', body: '', link: null, ...request }),
    );
  }
  const mailsWith = (text: string): ReceivedMail[] => smtp.mails.filter((m) => decodeQuotedPrintable(m.raw).includes(text));
  const rowsTitled = (title: string): Promise<Array<{ recipient_user_id: string; email_status: string; read_at: Date | null }>> =>
    app.owner.query('SELECT recipient_user_id, email_status, read_at FROM notifications WHERE title = $1', [title]);

  it('re-reads before mailing: nothing for a notification that is gone, read, or whose kind was switched off meanwhile', async () => {
    // No worker yet: the jobs wait in Redis while the state changes underneath them.
    const leitung = await app.as('leitung@musterstadt.example');
    const [gone] = await notify({ recipients: [users['redaktion@musterstadt.example']!], title: 'Wird gelöscht' });
    const [read] = await notify({ recipients: [users['redaktion@musterstadt.example']!], title: 'Schon gelesen' });
    const [switchedOff] = await notify({ recipients: [users['leitung@musterstadt.example']!], title: 'Inzwischen abgeschaltet', kind: 'approval_reminder' });
    const [control] = await notify({ recipients: [users['leitung@musterstadt.example']!], title: 'Kontrolle kommt an' });
    expect([gone, read, switchedOff, control].every((n) => n?.email)).toBe(true);

    await app.owner.query('DELETE FROM notifications WHERE id = $1', [gone!.notificationId]);
    const redaktion = await app.as('redaktion@musterstadt.example');
    expect((await redaktion.post(`/api/notifications/${read!.notificationId}/read`)).status).toBe(200);
    expect((await leitung.request('PUT', '/api/notification-preferences', { body: { email: { approval_reminder: false } } })).status).toBe(200);

    await app.startWorker();
    await smtp.waitFor((m) => decodeQuotedPrintable(m.raw).includes('Kontrolle kommt an'));
    // The listener sees the mail before the worker has recorded it as sent: wait for the rows.
    await until(async () => (await rowsTitled('Inzwischen abgeschaltet'))[0]?.email_status === 'skipped');
    await until(async () => (await rowsTitled('Schon gelesen'))[0]?.email_status === 'skipped');
    await until(async () => (await rowsTitled('Kontrolle kommt an'))[0]?.email_status === 'sent');
    expect(mailsWith('Wird gelöscht')).toEqual([]);
    expect(mailsWith('Schon gelesen')).toEqual([]);
    expect(mailsWith('Inzwischen abgeschaltet')).toEqual([]);
  });

  it('writes nothing and sends nothing when the transaction rolls back', async () => {
    await expect(
      database.transaction({ organizationId: musterstadt, userId: users['admin@musterstadt.example'] }, async (tx) => {
        await notifier.notify(tx, { organizationId: musterstadt, recipients: [users['redaktion@musterstadt.example']!], kind: 'approval_requested', title: 'Zurückgerollt', body: '', link: null });
        throw new Error('Die Entscheidung scheitert');
      }),
    ).rejects.toThrow('Die Entscheidung scheitert');
    // A committed one afterwards, to know the worker had every chance to mail the first.
    await notify({ recipients: [users['redaktion@musterstadt.example']!], title: 'Danach bestätigt' });
    await smtp.waitFor((m) => decodeQuotedPrintable(m.raw).includes('Danach bestätigt'));
    expect(await rowsTitled('Zurückgerollt')).toEqual([]);
    expect(mailsWith('Zurückgerollt')).toEqual([]);
  });

  it('mails in German with an absolute link, only to recipients who want this kind by e-mail, and only to members', async () => {
    const lesen = await app.as('lesen@musterstadt.example');
    const off = await lesen.request<NotificationPreferences>('PUT', '/api/notification-preferences', { body: { email: { approval_decided: false } } });
    expect(off.body.kinds.find((k) => k.kind === 'approval_decided')).toEqual({ kind: 'approval_decided', email: false, emailByDefault: true });

    const link = `/o/${musterstadt}/freigaben/4d1b1a52-8a67-4c1a-9a53-4b2c7f0e1a11`;
    const notified = await notify({
      recipients: [users['redaktion@musterstadt.example']!, users['lesen@musterstadt.example']!, users['admin@landkreis-beispiel.example']!, users['redaktion@musterstadt.example']!],
      kind: 'approval_decided',
      title: 'Ihr Beitrag „Stadtfest“ wurde freigegeben',
      body: 'Dr. Lena Leitung hat den Beitrag freigegeben.',
      link,
    });
    expect(notified.map((n) => [n.userId, n.email])).toEqual([
      [users['redaktion@musterstadt.example'], true],
      [users['lesen@musterstadt.example'], false],
    ]);

    const mail = await smtp.waitFor((m) => decodeQuotedPrintable(m.raw).includes('Stadtfest'));
    expect(mail.to).toEqual(['redaktion@musterstadt.example']);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain('Guten Tag Rita Redaktion,');
    expect(text).toContain('Dr. Lena Leitung hat den Beitrag freigegeben.');
    expect(text).toContain(`http://localhost:3000${link}`);
    expect(text).toContain('Stadt Musterstadt');
    expect(text).toContain('http://localhost:3000/benachrichtigungen');
    expect(text).toMatch(/Content-Type: text\/plain/i);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsWith('Stadtfest').flatMap((m) => m.to)).toEqual(['redaktion@musterstadt.example']);
    const rows = await rowsTitled('Ihr Beitrag „Stadtfest“ wurde freigegeben');
    expect(rows.map((r) => r.recipient_user_id).sort()).toEqual([users['redaktion@musterstadt.example'], users['lesen@musterstadt.example']].sort());
  });

  it('writes a notification once per recipient and dedupe key, and refuses a foreign organization or an outside link', async () => {
    const once = { recipients: [users['community@musterstadt.example']!], title: 'Erinnerung: Freigabe fällig', kind: 'approval_reminder' as const, dedupeKey: 'approval-reminder_r1_0' };
    expect(await notify(once)).toHaveLength(1);
    expect(await notify(once)).toEqual([]);
    expect(await rowsTitled('Erinnerung: Freigabe fällig')).toHaveLength(1);

    await expect(notify({ recipients: [users['admin@landkreis-beispiel.example']!], title: 'Falscher Bereich', organizationId: landkreis }, musterstadt)).rejects.toThrow(/own organization/);
    await expect(notify({ recipients: [users['community@musterstadt.example']!], title: 'Fremder Link', link: 'https://evil.example/' })).rejects.toThrow(/link/);
    await expect(notify({ recipients: [users['community@musterstadt.example']!], title: 'Fremder Link', link: '//evil.example/' })).rejects.toThrow(/link/);
  });

  it('re-enqueues a due mail whose job was lost', async () => {
    const [row] = await app.owner.query(
      `INSERT INTO notifications (organization_id, recipient_user_id, kind, title, body, email_status, created_at)
       VALUES ($1, $2, 'publish_failed', 'Veröffentlichung fehlgeschlagen: Job verloren', '', 'due', now() - interval '5 minutes') RETURNING id`,
      [musterstadt, users['community@musterstadt.example']],
    );
    await app.worker!.get(NotificationMailSweepHandler, { strict: false }).handle();
    const mail = await smtp.waitFor((m) => decodeQuotedPrintable(m.raw).includes('Job verloren'));
    expect(mail.to).toEqual(['community@musterstadt.example']);
    await until(async () => (await app.owner.query('SELECT email_status FROM notifications WHERE id = $1', [row.id]))[0].email_status === 'sent');
  });

  it('lists newest first with pages, counts unread, marks one and all as read', async () => {
    const fachbereich = await app.as('fachbereich@musterstadt.example');
    const me = users['fachbereich@musterstadt.example']!;
    for (const title of ['Erste', 'Zweite', 'Dritte']) await notify({ recipients: [me], title, kind: 'manual_publish_due', link: `/o/${musterstadt}/redaktionsplan` });

    expect((await fachbereich.get<UnreadCount>('/api/notifications/unread-count')).body).toEqual({ unreadCount: 3 });
    const first = await fachbereich.get<NotificationPage>('/api/notifications?limit=2');
    expect(first.body.items.map((n) => n.title)).toEqual(['Dritte', 'Zweite']);
    expect(first.body.items[0]).toMatchObject({ kind: 'manual_publish_due', organization: { id: musterstadt, name: 'Stadt Musterstadt' }, readAt: null, link: `/o/${musterstadt}/redaktionsplan` });
    const second = await fachbereich.get<NotificationPage>(`/api/notifications?limit=2&before=${first.body.nextCursor}`);
    expect(second.body.items.map((n) => n.title)).toEqual(['Erste']);
    expect(second.body.nextCursor).toBeNull();

    const third = first.body.items[0]!;
    expect((await fachbereich.post<UnreadCount>(`/api/notifications/${third.id}/read`)).body).toEqual({ unreadCount: 2 });
    // Again: still read, first time kept.
    const [{ read_at: readAt }] = await app.owner.query('SELECT read_at FROM notifications WHERE id = $1', [third.id]);
    expect((await fachbereich.post<UnreadCount>(`/api/notifications/${third.id}/read`)).body).toEqual({ unreadCount: 2 });
    expect((await app.owner.query('SELECT read_at FROM notifications WHERE id = $1', [third.id]))[0].read_at).toEqual(readAt);
    expect((await fachbereich.post('/api/notifications/not-a-uuid/read')).status).toBe(404);

    expect((await fachbereich.post<UnreadCount>('/api/notifications/read-all')).body).toEqual({ unreadCount: 0 });
    const after = await fachbereich.get<NotificationPage>('/api/notifications');
    expect(after.body.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await fachbereich.get('/api/notifications?limit=500')).status).toBe(400);
  });

  it("never shows anyone another person's notifications, also across organizations", async () => {
    const editor = users['redaktion@musterstadt.example']!;
    await notify({ recipients: [editor], title: 'Für Rita aus Musterstadt' });
    await notify({ recipients: [editor, users['admin@landkreis-beispiel.example']!], title: 'Für Rita aus dem Landkreis' }, landkreis);

    // Rita belongs to both: she sees both, each with its organization.
    const rita = await app.as('redaktion@musterstadt.example');
    const hers = (await rita.get<NotificationPage>('/api/notifications?limit=100')).body.items;
    expect(hers.filter((n) => n.title.startsWith('Für Rita')).map((n) => [n.title, n.organization.name])).toEqual([
      ['Für Rita aus dem Landkreis', 'Landkreis Beispiel'],
      ['Für Rita aus Musterstadt', 'Stadt Musterstadt'],
    ]);

    // Musterstadt's admin wrote them and sees none of Rita's; Landkreis' admin only the own.
    const admin = await app.as('admin@musterstadt.example');
    expect((await admin.get<NotificationPage>('/api/notifications?limit=100')).body.items.filter((n) => n.title.startsWith('Für Rita'))).toEqual([]);
    const anna = await app.as('admin@landkreis-beispiel.example');
    const annas = (await anna.get<NotificationPage>('/api/notifications?limit=100')).body.items;
    expect(annas.map((n) => n.title)).toEqual(['Für Rita aus dem Landkreis']);
    const ritasId = hers.find((n) => n.organization.id === landkreis)!.id;
    expect(annas[0]!.id).not.toBe(ritasId);
    expect((await anna.post(`/api/notifications/${ritasId}/read`)).status).toBe(404);
    expect((await app.owner.query('SELECT read_at FROM notifications WHERE id = $1', [ritasId]))[0].read_at).toBeNull();
    const annasUnread = (await anna.get<UnreadCount>('/api/notifications/unread-count')).body.unreadCount;
    await anna.post('/api/notifications/read-all');
    expect((await app.owner.query('SELECT read_at FROM notifications WHERE id = $1', [ritasId]))[0].read_at).toBeNull();
    expect(annasUnread).toBe(1);

    // Second wall: row-level security alone, without the queries' own filter.
    const visible = (userId: string, organizationId?: string) =>
      database.transaction({ userId, organizationId }, async ({ manager }) =>
        (await manager.query(`SELECT DISTINCT recipient_user_id FROM notifications`)).map((r: { recipient_user_id: string }) => r.recipient_user_id),
      );
    expect(await visible(users['admin@musterstadt.example']!, musterstadt)).toEqual([]);
    expect(await visible(editor)).toEqual([editor]);
    expect(await visible(users['admin@landkreis-beispiel.example']!, landkreis)).toEqual([users['admin@landkreis-beispiel.example']]);

    // Someone who leaves an organization no longer sees its notifications.
    const before = (await rita.get<NotificationPage>('/api/notifications?limit=100')).body.items.length;
    await app.owner.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [landkreis, editor]);
    const afterLeaving = (await rita.get<NotificationPage>('/api/notifications?limit=100')).body.items;
    expect(afterLeaving.some((n) => n.organization.id === landkreis)).toBe(false);
    expect(afterLeaving.length).toBeLessThan(before);
  });

  it('audits changes of the e-mail switches and validates them', async () => {
    const community = await app.as('community@musterstadt.example');
    const defaults = await community.get<NotificationPreferences>('/api/notification-preferences');
    expect(defaults.body.kinds.map((k) => k.kind)).toEqual([
      'approval_requested',
      'approval_reminder',
      'approval_escalated',
      'approval_decided',
      'approval_voided',
      'approval_missing',
      'publish_failed',
      'publish_unconfirmed',
      'manual_publish_due',
      'text_block_due',
      'crisis_alert',
      'playbook_review_due',
      'crisis_suspected',
      'inbox_response_due',
    ]);
    expect(defaults.body.kinds.find((k) => k.kind === 'approval_voided')).toEqual({ kind: 'approval_voided', email: false, emailByDefault: false });

    const changed = await community.request<NotificationPreferences>('PUT', '/api/notification-preferences', { body: { email: { publish_failed: false, approval_voided: true } } });
    expect(changed.status).toBe(200);
    expect(changed.body.kinds.filter((k) => ['publish_failed', 'approval_voided'].includes(k.kind)).map((k) => k.email)).toEqual([true, false]);
    // The same again changes nothing and is not audited twice.
    await community.request('PUT', '/api/notification-preferences', { body: { email: { publish_failed: false } } });
    const audit = await app.owner.query(`SELECT organization_id, actor_user_id, details FROM audit_events WHERE action = 'notification_preferences.updated' AND actor_user_id = $1`, [
      users['community@musterstadt.example'],
    ]);
    expect(audit).toEqual([{ organization_id: null, actor_user_id: users['community@musterstadt.example'], details: { email: { approval_voided: true, publish_failed: false } } }]);

    expect((await community.request('PUT', '/api/notification-preferences', { body: { email: {} } })).status).toBe(400);
    expect((await community.request('PUT', '/api/notification-preferences', { body: { email: { unbekannt: true } } })).status).toBe(400);
    expect((await community.request('PUT', '/api/notification-preferences', { body: { email: { publish_failed: 'ja' } } })).status).toBe(400);
    // Someone else's switches are untouched.
    const other = await (await app.as('lesen@musterstadt.example')).get<NotificationPreferences>('/api/notification-preferences');
    expect(other.body.kinds.find((k) => k.kind === 'publish_failed')?.email).toBe(true);
  });

  describe('live stream (server-sent events over HTTP)', () => {
    const open = async (client: ApiClient, controller = new AbortController()) => {
      const response = await fetch(`${baseUrl}/api/notifications/stream`, {
        headers: { cookie: `${SESSION_COOKIE}=${client.sessionToken}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      return { response, controller, events: new EventReader(response.body!.getReader()) };
    };

    it('refuses without a session', async () => {
      const response = await fetch(`${baseUrl}/api/notifications/stream`);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });

    it('sends the unread count, then each new notification and every change of the count', async () => {
      const client = await app.as('leitung@musterstadt.example');
      const leitung = users['leitung@musterstadt.example']!;
      const unread = (await client.get<UnreadCount>('/api/notifications/unread-count')).body.unreadCount;
      const { response, controller, events } = await open(client);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(response.headers.get('cache-control')).toContain('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      await events.waitFor<UnreadCount>('unread', (d) => d.unreadCount === unread);

      // Written by another process's transaction would look the same: the database announces it on commit.
      await notify({ recipients: [leitung], title: 'Freigabe erbeten: Live', link: `/o/${musterstadt}/freigaben` });
      const arrived = await events.waitFor<NotificationView>('notification', (n) => n.title === 'Freigabe erbeten: Live');
      expect(arrived).toMatchObject({ kind: 'approval_requested', organization: { name: 'Stadt Musterstadt' }, readAt: null });
      await events.waitFor<UnreadCount>('unread', (d) => d.unreadCount === unread + 1);

      // A rolled-back notification is never announced.
      await database
        .transaction({ organizationId: musterstadt, userId: users['admin@musterstadt.example'] }, async (tx) => {
          await notifier.notify(tx, { organizationId: musterstadt, recipients: [leitung], kind: 'approval_requested', title: 'Nie angekündigt', body: '', link: null });
          throw new Error('zurück');
        })
        .catch(() => undefined);

      await client.post(`/api/notifications/${arrived.id}/read`);
      await events.waitFor<UnreadCount>('unread', (d) => d.unreadCount === unread);
      expect(events.events.filter((e) => e.event === 'notification').map((e) => (e.data as NotificationView).title)).toEqual(['Freigabe erbeten: Live']);

      // Another person's notification does not reach this stream.
      await notify({ recipients: [users['redaktion@musterstadt.example']!], title: 'Nicht für Leitung' });
      await notify({ recipients: [leitung], title: 'Wieder für Leitung' });
      await events.waitFor<NotificationView>('notification', (n) => n.title === 'Wieder für Leitung');
      expect(events.events.some((e) => (e.data as NotificationView).title === 'Nicht für Leitung')).toBe(false);

      const streams = app.api.get(NotificationStreams, { strict: false });
      expect(streams.openCount).toBe(1);
      controller.abort();
      await until(() => streams.openCount === 0);
    });

    it('closes the stream when the session ends', async () => {
      const client = await app.as('community@musterstadt.example');
      const { events } = await open(client);
      await events.waitFor('unread');
      await client.post('/api/auth/logout');
      // The check runs with the heartbeat; trigger it instead of waiting 25 s.
      await app.api.get(NotificationStreams, { strict: false }).beat();
      await until(() => events.ended);
    });

    it('ends open streams when the app shuts down, so the shutdown completes', async () => {
      const client = await app.as('admin@musterstadt.example');
      const { events } = await open(client);
      await events.waitFor('unread');
      closed = true;
      await app.close();
      await until(() => events.ended);
    });
  });
});

import { Injectable } from '@nestjs/common';
import { NotificationKind, NotificationLink } from '@amtsplan/contracts';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';
import { LocalNotificationChanges } from './local-notification-changes';
import { NotificationPreferenceRepository } from './notification-preference.repository';
import { NotificationRepository } from './notification.repository';

/** What to tell whom. Texts are German and plain (no HTML, no Markdown). */
export interface NotificationRequest {
  readonly organizationId: string;
  /** User ids; duplicates and people who are not members of the organization are left out. */
  readonly recipients: readonly string[];
  readonly kind: NotificationKind;
  /** One line, at most 200 characters, e.g. „Freigabe erbeten: Stadtfest-Ankündigung“. */
  readonly title: string;
  /** At most 2000 characters; may be empty. */
  readonly body: string;
  /** Path inside the app, e.g. `/o/<orgId>/freigaben/<requestId>`; null when there is nothing to open. */
  readonly link: string | null;
  /**
   * For work that may run twice (a queue job retried after its transaction committed): a
   * recipient gets at most one notification per key, e.g. `approval-reminder_<requestId>_<step>`.
   */
  readonly dedupeKey?: string;
}

export interface NotifiedRecipient {
  readonly userId: string;
  readonly notificationId: string;
  /** Whether an e-mail job is enqueued after commit (the recipient's choice for this kind). */
  readonly email: boolean;
}

const Request = z.object({
  organizationId: z.uuid(),
  recipients: z.array(z.uuid()),
  kind: NotificationKind,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(2000),
  link: NotificationLink.nullable(),
  dedupeKey: z.string().min(1).max(300).optional(),
});

/**
 * Writes in-app notifications inside the caller's transaction, so they exist exactly when what
 * they report was committed. After commit, one e-mail job per recipient who wants this kind by
 * e-mail; the job id is derived from the notification id, and the mail handler re-reads the
 * notification and the choice before sending.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly jobs: JobQueue,
  ) {}

  async notify(tx: ScopedTransaction, request: NotificationRequest): Promise<NotifiedRecipient[]> {
    const parsed = Request.safeParse(request);
    if (!parsed.success) throw new Error(`Invalid notification: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { organizationId, kind, title, body, link, dedupeKey } = parsed.data;
    if (tx.scope.organizationId !== organizationId) throw new Error('Notifications are written in the scope of their own organization');

    const recipients = await this.notifications.membersAmong(tx.manager, organizationId, [...new Set(parsed.data.recipients)]);
    const byEmail = await this.preferences.emailRecipients(tx.manager, recipients, kind);
    const notified: NotifiedRecipient[] = [];
    for (const userId of recipients) {
      const id = randomUUID();
      const email = byEmail.has(userId);
      const written = await this.notifications.insert(tx.manager, {
        id,
        organizationId,
        recipientUserId: userId,
        kind,
        title,
        body,
        link,
        dedupeKey: dedupeKey ?? null,
        emailStatus: email ? 'due' : 'none',
      });
      if (written) notified.push({ userId, notificationId: id, email });
    }
    if (notified.length === 0) return notified;

    tx.afterCommit(async () => {
      LocalNotificationChanges.announce(notified.map((n) => n.userId));
      const enqueued = await Promise.allSettled(
        notified
          .filter((n) => n.email)
          .map((n) =>
            this.jobs.enqueue(
              JobName.NotificationMail,
              { organizationId, notificationId: n.notificationId, recipientUserId: n.userId },
              { jobId: jobId(JobName.NotificationMail, n.notificationId) },
            ),
          ),
      );
      const failed = enqueued.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      // Reported by Database; the worker's sweep enqueues these mails again from PostgreSQL.
      if (failed.length) throw new Error(`${failed.length} E-Mail-Aufträge nicht eingereiht: ${failed.map((f) => String(f.reason)).join('; ')}`);
    });
    return notified;
  }
}

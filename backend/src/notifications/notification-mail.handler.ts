import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database';
import { JobHandler, JobName, JobPayloads } from '../queues/queue-registry';
import { UserRepository } from '../users/user.repository';
import { Mailer } from './mailer';
import { notificationMail, NotificationMailContent } from './notification-mail';
import { NotificationPreferenceRepository } from './notification-preference.repository';
import { NotificationRepository } from './notification.repository';

/**
 * Sends one notification by e-mail. Acts in the recipient's own scope and re-reads everything
 * first: a notification that is gone (rolled back, organization left) or already mailed gets
 * nothing; one read in the app meanwhile, or whose kind the person switched off, is skipped.
 */
@Injectable()
export class NotificationMailHandler implements JobHandler<JobName.NotificationMail> {
  readonly job = JobName.NotificationMail;
  private readonly logger = new Logger('NotificationMail');

  constructor(
    private readonly database: Database,
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly users: UserRepository,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ organizationId, notificationId, recipientUserId }: JobPayloads[JobName.NotificationMail]): Promise<void> {
    const scope = { organizationId, userId: recipientUserId };
    const content = await this.database.transaction(scope, async ({ manager }): Promise<NotificationMailContent | null> => {
      const notification = await this.notifications.findForRecipient(manager, recipientUserId, notificationId);
      if (!notification || notification.emailStatus !== 'due') return null;
      const wanted = await this.preferences.emailRecipients(manager, [recipientUserId], notification.kind);
      const user = await this.users.findById(manager, recipientUserId);
      if (notification.readAt || !wanted.has(recipientUserId) || !user) {
        await this.notifications.setEmailStatus(manager, notificationId, 'skipped');
        return null;
      }
      const { organizationName, kind, title, body, link } = notification;
      return { to: user.email, recipientName: user.displayName, organizationName, kind, title, body, link };
    });
    if (!content) return;
    await this.mailer.send(notificationMail(content, this.config.appOrigin));
    // Sent is sent: a failure from here on must not make the retry send it again.
    await this.database
      .transaction(scope, ({ manager }) => this.notifications.setEmailStatus(manager, notificationId, 'sent'))
      .catch((error: unknown) => this.logger.warn(`E-Mail ${notificationId} gesendet, aber nicht vermerkt: ${error instanceof Error ? error.message : String(error)}`));
  }
}

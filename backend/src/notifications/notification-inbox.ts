import { Injectable } from '@nestjs/common';
import type { NotificationListQuery, NotificationPage, NotificationView } from '@amtsplan/contracts';
import { Database } from '../database/database';
import { ProblemException } from '../http/problem.exception';
import { LocalNotificationChanges } from './local-notification-changes';
import { notificationView } from './notification-view';
import { NotificationRepository } from './notification.repository';

/**
 * A person's notifications across every organization they belong to: each unit of work runs
 * in the person's own scope, where row-level security shows only their notifications.
 */
@Injectable()
export class NotificationInbox {
  constructor(
    private readonly database: Database,
    private readonly notifications: NotificationRepository,
  ) {}

  page(userId: string, query: NotificationListQuery): Promise<NotificationPage> {
    return this.database.transaction({ userId }, async ({ manager }) => {
      const { rows, more } = await this.notifications.page(manager, userId, query);
      return { items: rows.map(notificationView), nextCursor: more ? (rows.at(-1)?.id ?? null) : null };
    });
  }

  unreadCount(userId: string): Promise<number> {
    return this.database.transaction({ userId }, ({ manager }) => this.notifications.unreadCount(manager, userId));
  }

  async markRead(userId: string, id: string): Promise<number> {
    const unread = await this.database.transaction({ userId }, async ({ manager }) => {
      if (!(await this.notifications.markRead(manager, userId, id))) throw ProblemException.notFound('Diese Benachrichtigung gibt es nicht.');
      return this.notifications.unreadCount(manager, userId);
    });
    LocalNotificationChanges.announce([userId]);
    return unread;
  }

  async markAllRead(userId: string): Promise<number> {
    const unread = await this.database.transaction({ userId }, async ({ manager }) => {
      await this.notifications.markAllRead(manager, userId);
      return this.notifications.unreadCount(manager, userId);
    });
    LocalNotificationChanges.announce([userId]);
    return unread;
  }

  /** What the live stream needs: the unread count and what arrived within the last minutes. */
  snapshot(userId: string, withinSeconds: number, limit: number): Promise<{ unreadCount: number; recent: NotificationView[] }> {
    return this.database.transaction({ userId }, async ({ manager }) => ({
      unreadCount: await this.notifications.unreadCount(manager, userId),
      recent: (await this.notifications.recent(manager, userId, withinSeconds, limit)).map(notificationView),
    }));
  }
}

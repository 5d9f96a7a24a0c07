import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@amtsplan/contracts';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { NotificationEmailStatus } from './notification.entity';

export interface NotificationRow {
  readonly id: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly recipientUserId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  readonly emailStatus: NotificationEmailStatus;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

export interface NewNotification {
  readonly id: string;
  readonly organizationId: string;
  readonly recipientUserId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  readonly dedupeKey: string | null;
  readonly emailStatus: NotificationEmailStatus;
}

/** A mail the sweep found due: ids only, from every organization. */
export interface DueMail {
  readonly organizationId: string;
  readonly notificationId: string;
  readonly recipientUserId: string;
}

const DEDUPE_INDEX = 'UQ_notifications_recipient_dedupe_key';

/** A unique violation on the dedupe key (the id is random and never collides). */
function isDedupeViolation(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string } | undefined) : undefined;
  return driverError?.code === '23505' && (driverError.constraint === undefined || driverError.constraint === DEDUPE_INDEX);
}

const COLUMNS = `n.id, n.organization_id AS "organizationId", o.name AS "organizationName", n.recipient_user_id AS "recipientUserId",
  n.kind, n.title, n.body, n.link, n.email_status AS "emailStatus", n.created_at AS "createdAt", n.read_at AS "readAt"`;
const FROM = `notifications n JOIN organizations o ON o.id = n.organization_id`;

/**
 * Reads and writes notifications. Every read names the recipient explicitly; row-level
 * security (the recipient, while a member) is the second wall behind that.
 */
@Injectable()
export class NotificationRepository {
  /**
   * Written in the organization's scope. No RETURNING and no ON CONFLICT: both would need to
   * read the row back, and the writer may not read rows of other people. A repeated dedupe key
   * is caught as the unique violation it is, inside a savepoint so the transaction goes on.
   * False when the recipient already has a notification with this dedupe key.
   */
  async insert(manager: EntityManager, row: NewNotification): Promise<boolean> {
    const insert = () =>
      manager.query(
        `INSERT INTO notifications (id, organization_id, recipient_user_id, kind, title, body, link, dedupe_key, email_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [row.id, row.organizationId, row.recipientUserId, row.kind, row.title, row.body, row.link, row.dedupeKey, row.emailStatus],
      );
    if (row.dedupeKey === null) {
      await insert();
      return true;
    }
    await manager.query('SAVEPOINT notification_dedupe');
    try {
      await insert();
    } catch (error) {
      if (!isDedupeViolation(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT notification_dedupe');
      return false;
    }
    await manager.query('RELEASE SAVEPOINT notification_dedupe');
    return true;
  }

  /** Which of these people are members of the organization (read in its scope). */
  async membersAmong(manager: EntityManager, organizationId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM memberships WHERE organization_id = $1 AND user_id = ANY($2::uuid[])`,
      [organizationId, [...userIds]],
    );
    const members = new Set(rows.map((r) => r.user_id));
    return userIds.filter((id) => members.has(id));
  }

  /** Newest first; `before` is the id of the last notification of the previous page. */
  async page(manager: EntityManager, userId: string, options: { limit: number; before?: string }): Promise<{ rows: NotificationRow[]; more: boolean }> {
    const rows: NotificationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE n.recipient_user_id = $1
          AND ($2::uuid IS NULL OR (n.created_at, n.id) < (SELECT c.created_at, c.id FROM notifications c WHERE c.id = $2 AND c.recipient_user_id = $1))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $3`,
      [userId, options.before ?? null, options.limit + 1],
    );
    return { rows: rows.slice(0, options.limit), more: rows.length > options.limit };
  }

  /** The newest notifications written within the last `withinSeconds` (for the live stream). */
  recent(manager: EntityManager, userId: string, withinSeconds: number, limit: number): Promise<NotificationRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE n.recipient_user_id = $1 AND n.created_at > now() - make_interval(secs => $2)
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $3`,
      [userId, withinSeconds, limit],
    );
  }

  async unreadCount(manager: EntityManager, userId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row?.n ?? 0;
  }

  /** Null when the person has no such notification; marking twice keeps the first time. */
  async markRead(manager: EntityManager, userId: string, id: string): Promise<'read' | 'already' | null> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE notifications SET read_at = now() WHERE id = $1 AND recipient_user_id = $2 AND read_at IS NULL`,
      [id, userId],
    );
    if (affected === 1) return 'read';
    const found: unknown[] = await manager.query(`SELECT 1 FROM notifications WHERE id = $1 AND recipient_user_id = $2`, [id, userId]);
    return found.length ? 'already' : null;
  }

  async markAllRead(manager: EntityManager, userId: string): Promise<number> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE notifications SET read_at = now() WHERE recipient_user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return affected;
  }

  /** In the recipient's own scope (the mail handler acts as the recipient). */
  async findForRecipient(manager: EntityManager, userId: string, id: string): Promise<NotificationRow | null> {
    const rows: NotificationRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE n.id = $1 AND n.recipient_user_id = $2`, [id, userId]);
    return rows[0] ?? null;
  }

  async setEmailStatus(manager: EntityManager, id: string, status: NotificationEmailStatus): Promise<void> {
    await manager.query(`UPDATE notifications SET email_status = $2 WHERE id = $1`, [id, status]);
  }

  /** Mails still due after `minAgeSeconds` (their job may be lost), written within the last day. */
  mailsDue(manager: EntityManager, minAgeSeconds: number, limit: number): Promise<DueMail[]> {
    return manager.query(
      `SELECT organization_id AS "organizationId", notification_id AS "notificationId", recipient_user_id AS "recipientUserId"
         FROM notification_mails_due(make_interval(secs => $1), interval '1 day', $2)`,
      [minAgeSeconds, limit],
    );
  }
}

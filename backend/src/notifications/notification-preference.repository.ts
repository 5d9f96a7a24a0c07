import { Injectable } from '@nestjs/common';
import { EMAIL_BY_DEFAULT, type NotificationKind } from '@amtsplan/contracts';
import { EntityManager } from 'typeorm';

/** E-mail choices per person and kind; a kind without a row follows EMAIL_BY_DEFAULT. */
@Injectable()
export class NotificationPreferenceRepository {
  /** The person's explicit choices (own scope). */
  async choicesOf(manager: EntityManager, userId: string): Promise<Map<NotificationKind, boolean>> {
    const rows: Array<{ kind: NotificationKind; email: boolean }> = await manager.query(
      `SELECT kind, email FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.email]));
  }

  /**
   * Who of these people gets this kind by e-mail. Read in an organization's scope, where the
   * choices of its members are visible, or in the person's own scope.
   */
  async emailRecipients(manager: EntityManager, userIds: readonly string[], kind: NotificationKind): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ user_id: string; email: boolean }> = await manager.query(
      `SELECT user_id, email FROM notification_preferences WHERE kind = $1 AND user_id = ANY($2::uuid[])`,
      [kind, [...userIds]],
    );
    const chosen = new Map(rows.map((r) => [r.user_id, r.email]));
    return new Set(userIds.filter((id) => chosen.get(id) ?? EMAIL_BY_DEFAULT[kind]));
  }

  async set(manager: EntityManager, userId: string, kind: NotificationKind, email: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO notification_preferences (user_id, kind, email) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
      [userId, kind, email],
    );
  }
}

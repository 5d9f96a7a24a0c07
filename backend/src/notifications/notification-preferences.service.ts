import { Injectable } from '@nestjs/common';
import {
  EMAIL_BY_DEFAULT,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@amtsplan/contracts';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { NotificationPreferenceRepository } from './notification-preference.repository';

/** A person's e-mail switches per kind. Changes are audited (installation-wide, like logins). */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly database: Database,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly audit: AuditLog,
  ) {}

  get(userId: string): Promise<NotificationPreferences> {
    return this.database.transaction({ userId }, ({ manager }) => this.read(manager, userId));
  }

  update(userId: string, change: UpdateNotificationPreferences, ip: string | null): Promise<NotificationPreferences> {
    return this.database.transaction({ userId }, async ({ manager }) => {
      const before = await this.read(manager, userId);
      const current = new Map(before.kinds.map((k) => [k.kind, k.email]));
      const changed: Partial<Record<NotificationKind, boolean>> = {};
      for (const kind of NOTIFICATION_KINDS) {
        const email = change.email[kind];
        if (email === undefined) continue;
        await this.preferences.set(manager, userId, kind, email);
        if (current.get(kind) !== email) changed[kind] = email;
      }
      if (Object.keys(changed).length) {
        await this.audit.record(manager, {
          action: 'notification_preferences.updated',
          organizationId: null,
          actorUserId: userId,
          objectType: 'user',
          objectId: userId,
          details: { email: changed },
          ip,
        });
      }
      return this.read(manager, userId);
    });
  }

  private async read(manager: EntityManager, userId: string): Promise<NotificationPreferences> {
    const choices = await this.preferences.choicesOf(manager, userId);
    return {
      kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, email: choices.get(kind) ?? EMAIL_BY_DEFAULT[kind], emailByDefault: EMAIL_BY_DEFAULT[kind] })),
    };
  }
}

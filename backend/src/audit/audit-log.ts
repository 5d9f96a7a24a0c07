import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@amtsplan/contracts';
import { EntityManager } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly organizationId: string | null;
  readonly actorUserId: string | null;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly details?: Record<string, unknown>;
  readonly ip?: string | null;
}

/**
 * Appends audit events inside the caller's transaction, so an action and its audit row are
 * written together or not at all.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    // No RETURNING: the app role may not read events outside its organization (e.g. logins).
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      // The jsonb column's TypeORM type is stricter than a plain record.
      .values({
        action: entry.action,
        organizationId: entry.organizationId,
        actorUserId: entry.actorUserId,
        objectType: entry.objectType ?? null,
        objectId: entry.objectId ?? null,
        details: entry.details ?? {},
        ip: entry.ip ?? null,
      } as never)
      .updateEntity(false)
      .execute();
  }

  /** An event of the current request's organization, by its member, in its transaction. */
  async recordInOrganization(entry: Pick<AuditEntry, 'action' | 'objectType' | 'objectId' | 'details'>): Promise<void> {
    const scope = RequestScope.organization();
    await this.record(scope.tx.manager, { ...entry, organizationId: scope.organizationId, actorUserId: scope.userId, ip: scope.ip });
  }
}

import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@amtsplan/contracts';
import { EntityManager } from 'typeorm';
import { RequestScope } from '../database/request-scope';

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
    // Plain SQL rather than the query builder: the publisher writes several events per post.
    await manager.query(
      `INSERT INTO audit_events (organization_id, actor_user_id, action, object_type, object_id, details, ip) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [entry.organizationId, entry.actorUserId, entry.action, entry.objectType ?? null, entry.objectId ?? null, JSON.stringify(entry.details ?? {}), entry.ip ?? null],
    );
  }

  /** An event of the current request's organization, by its member, in its transaction. */
  async recordInOrganization(entry: Pick<AuditEntry, 'action' | 'objectType' | 'objectId' | 'details'>): Promise<void> {
    const scope = RequestScope.organization();
    await this.record(scope.tx.manager, { ...entry, organizationId: scope.organizationId, actorUserId: scope.userId, ip: scope.ip });
  }
}

import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { InboxHistoryEntity } from './inbox-records.entity';

/**
 * One workflow step on an item: a line in the item's own history (shown on the item) and
 * an audit event, both in the request's transaction.
 */
@Injectable()
export class InboxHistory {
  constructor(private readonly audit: AuditLog) {}

  async record(itemId: string, action: AuditAction, details: Record<string, unknown> = {}): Promise<void> {
    const scope = RequestScope.organization();
    await scope.tx.manager.insert(InboxHistoryEntity, {
      organizationId: scope.organizationId,
      itemId,
      actorUserId: scope.userId,
      action,
      details: details as never,
    });
    await this.audit.recordInOrganization({ action, objectType: 'inbox_item', objectId: itemId, details });
  }

  /** History only: for bulk arrivals (import, polling) that are audited once as a whole. */
  async recordQuietly(itemId: string, action: AuditAction, details: Record<string, unknown> = {}): Promise<void> {
    const scope = RequestScope.organization();
    await scope.tx.manager.insert(InboxHistoryEntity, { organizationId: scope.organizationId, itemId, actorUserId: scope.userId, action, details: details as never });
  }
}

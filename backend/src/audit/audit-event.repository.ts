import { Injectable } from '@nestjs/common';
import type { AuditEventView } from '@amtsplan/contracts';
import { RequestScope } from '../database/request-scope';

interface AuditRow {
  id: string;
  occurred_at: Date;
  action: AuditEventView['action'];
  actor_id: string | null;
  actor_name: string | null;
  object_type: string | null;
  object_id: string | null;
  details: Record<string, unknown>;
}

@Injectable()
export class AuditEventRepository {
  async latest(limit: number): Promise<AuditEventView[]> {
    const { organizationId } = RequestScope.organization();
    const rows: AuditRow[] = await RequestScope.manager().query(
      `SELECT e.id, e.occurred_at, e.action, u.id AS actor_id, u.display_name AS actor_name, e.object_type, e.object_id, e.details
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.organization_id = $1
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT $2`,
      [organizationId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      occurredAt: r.occurred_at.toISOString(),
      action: r.action,
      actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
      objectType: r.object_type,
      objectId: r.object_id,
      details: r.details,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { CalendarFeedEntity } from './calendar-feed.entity';

export type CalendarFeedRow = CalendarFeedEntity & { createdByName: string | null };

/** A calendar app fetches every few minutes; recording each fetch would be a write per poll. */
const LAST_USED_RESOLUTION = '10 minutes';

@Injectable()
export class CalendarFeedRepository {
  // The methods below work in the current request's organization only.

  list(): Promise<CalendarFeedRow[]> {
    return this.select('');
  }

  async find(id: string): Promise<CalendarFeedRow | null> {
    const [row] = await this.select('AND f.id = $2', [id]);
    return row ?? null;
  }

  async create(values: { label: string; tokenHash: string }): Promise<string> {
    const { organizationId, userId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(CalendarFeedEntity, { id, organizationId, createdByUserId: userId, ...values });
    return id;
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const result = await RequestScope.manager().update(CalendarFeedEntity, { id, organizationId, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) === 1;
  }

  private select(condition: string, parameters: unknown[] = []): Promise<CalendarFeedRow[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().query(
      `SELECT f.id, f.organization_id AS "organizationId", f.label, f.token_hash AS "tokenHash", f.created_by_user_id AS "createdByUserId",
              f.created_at AS "createdAt", f.revoked_at AS "revokedAt", f.last_used_at AS "lastUsedAt", u.display_name AS "createdByName"
         FROM calendar_feeds f LEFT JOIN users u ON u.id = f.created_by_user_id
        WHERE f.organization_id = $1 ${condition}
        ORDER BY f.revoked_at IS NOT NULL, f.created_at DESC`,
      [organizationId, ...parameters],
    );
  }

  // The methods below serve the public feed address, before any organization is known.

  /**
   * The feed whose token hashes to `tokenHash`, found through the narrow row-level security
   * policy `calendar_feeds_by_token`: the transaction's scope must carry the same hash
   * (`AccessScope.calendarFeedTokenHash`).
   */
  findByTokenHash(manager: EntityManager, tokenHash: string): Promise<CalendarFeedEntity | null> {
    return manager.findOne(CalendarFeedEntity, { where: { tokenHash } });
  }

  /** Needs the feed's organization scope (the update goes through the tenant policy). */
  async recordUse(manager: EntityManager, feed: Pick<CalendarFeedEntity, 'id' | 'organizationId'>): Promise<void> {
    await manager.query(
      `UPDATE calendar_feeds SET last_used_at = now()
        WHERE id = $1 AND organization_id = $2 AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
      [feed.id, feed.organizationId],
    );
  }
}

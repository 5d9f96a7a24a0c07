import { Injectable } from '@nestjs/common';
import type { InboxListQuery } from '@amtsplan/contracts';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { ProblemException } from '../http/problem.exception';
import { InboxItemEntity } from './inbox-item.entity';

type ListFilter = InboxListQuery & { limit: number };


export interface ListCursor {
  readonly receivedAt: string;
  readonly id: string;
}

export function encodeCursor(item: Pick<InboxItemEntity, 'receivedAt' | 'id'>): string {
  return Buffer.from(`${item.receivedAt.toISOString()}|${item.id}`).toString('base64url');
}

function decodeCursor(cursor: string): ListCursor {
  const [receivedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!receivedAt || !id || Number.isNaN(Date.parse(receivedAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw ProblemException.validation([{ path: 'after', message: 'Ungültige Seitenmarke' }]);
  }
  return { receivedAt, id };
}

/** Inbox items of the current organization. */
@Injectable()
export class InboxItemRepository {
  async find(id: string): Promise<InboxItemEntity> {
    const { organizationId, role, userId } = RequestScope.organization();
    const item = await RequestScope.manager().findOne(InboxItemEntity, { where: { id, organizationId } });
    // The Fachbereich sees only what was forwarded to it (data minimisation).
    if (!item || (role === 'contributor' && item.departmentUserId !== userId)) throw ProblemException.notFound('Diesen Eintrag im Posteingang gibt es nicht.');
    return item;
  }

  /**
   * Newest first, keyset-paginated on (received_at, id) so page 100 costs what page 1 costs:
   * every list index ends in (received_at, id), so order and cursor come from the index.
   * Reads one row more than asked to know whether there is a next page.
   */
  async list(filter: ListFilter, userId: string): Promise<{ items: InboxItemEntity[]; hasMore: boolean }> {
    const { organizationId, role } = RequestScope.organization();
    const qb = RequestScope.manager()
      .createQueryBuilder(InboxItemEntity, 'i')
      .where('i.organization_id = :organizationId', { organizationId })
      .orderBy('i.received_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(filter.limit + 1);
    if (role === 'contributor') qb.andWhere('i.department_user_id = :self', { self: userId });
    // Literally the predicate of the partial index IDX_inbox_items_open_received (IndexInboxList).
    if (filter.status === 'open') qb.andWhere(`i.status IN ('new', 'assigned', 'with_department', 'escalated')`);
    else if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.category === 'none') qb.andWhere('i.category IS NULL');
    else if (filter.category) qb.andWhere('i.category = :category', { category: filter.category });
    if (filter.channelId) qb.andWhere('i.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.assignee === 'none') qb.andWhere('i.assignee_user_id IS NULL');
    else if (filter.assignee) qb.andWhere('(i.assignee_user_id = :assignee OR i.department_user_id = :assignee)', { assignee: filter.assignee === 'me' ? userId : filter.assignee });
    if (filter.olderThanHours) qb.andWhere(`i.received_at <= now() - make_interval(hours => :hours)`, { hours: filter.olderThanHours });
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(i.text ILIKE :pattern OR i.author_handle ILIKE :pattern OR i.author_display_name ILIKE :pattern)', { pattern });
    }
    if (filter.after) {
      const cursor = decodeCursor(filter.after);
      qb.andWhere('(i.received_at, i.id) < (:cursorAt::timestamptz, :cursorId::uuid)', { cursorAt: cursor.receivedAt, cursorId: cursor.id });
    }
    const rows = await qb.getMany();
    return { items: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
  }

  async update(id: string, version: number, changes: Partial<InboxItemEntity>): Promise<void> {
    const found = await updateVersioned(InboxItemEntity, 'inbox_item', id, version, changes as Record<string, unknown>);
    if (!found) throw ProblemException.notFound('Diesen Eintrag im Posteingang gibt es nicht.');
  }
}

import type { InboxListQuery } from '@amtsplan/contracts';
import type { OrganizationRole } from '@amtsplan/domain';
import { isoTimestamp } from '../database/iso-timestamp';
import { decodeCursor } from './inbox-list-cursor';

export type InboxListFilter = InboxListQuery & { limit: number };

/** Who asks: the Fachbereich (contributor) sees only what was forwarded to it. */
export interface InboxListReader {
  readonly organizationId: string;
  readonly userId: string;
  readonly role: OrganizationRole;
}

export interface InboxListSql {
  readonly sql: string;
  readonly params: unknown[];
}

/** What the page reads of an item (the subquery's columns). */
const PAGE_COLUMNS = `i.organization_id, i.id, i.kind, i.channel_id, i.author_handle, i.author_display_name, i.text, i.received_at, i.category,
  i.priority, i.status, i.assignee_user_id, i.department, i.response_due_at, i.first_response_at, i.version`;

/**
 * One statement for a page of the Posteingang: the items newest first, keyset-paginated on
 * (received_at, id) so page 100 costs what page 1 costs (every list index ends in
 * (received_at, id), so order and cursor come from the index), one row more than asked to know
 * whether there is a next page; with the channel and the assignee's name joined to the page, and
 * the times as the API's ISO strings.
 */
export function inboxListSql(filter: InboxListFilter, reader: InboxListReader): InboxListSql {
  const params: unknown[] = [reader.organizationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['i.organization_id = $1'];
  if (reader.role === 'contributor') where.push(`i.department_user_id = ${param(reader.userId)}`);
  // Literally the predicate of the partial index IDX_inbox_items_open_received (IndexInboxList).
  if (filter.status === 'open') where.push(`i.status IN ('new', 'assigned', 'with_department', 'escalated')`);
  else if (filter.status) where.push(`i.status = ${param(filter.status)}`);
  if (filter.category === 'none') where.push('i.category IS NULL');
  else if (filter.category) where.push(`i.category = ${param(filter.category)}`);
  if (filter.channelId) where.push(`i.channel_id = ${param(filter.channelId)}`);
  if (filter.assignee === 'none') where.push('i.assignee_user_id IS NULL');
  else if (filter.assignee) {
    const assignee = param(filter.assignee === 'me' ? reader.userId : filter.assignee);
    where.push(`(i.assignee_user_id = ${assignee} OR i.department_user_id = ${assignee})`);
  }
  if (filter.olderThanHours) where.push(`i.received_at <= now() - make_interval(hours => ${param(filter.olderThanHours)})`);
  if (filter.q) {
    const pattern = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(i.text ILIKE ${pattern} OR i.author_handle ILIKE ${pattern} OR i.author_display_name ILIKE ${pattern})`);
  }
  if (filter.after) {
    const cursor = decodeCursor(filter.after);
    where.push(`(i.received_at, i.id) < (${param(cursor.receivedAt)}::timestamptz, ${param(cursor.id)}::uuid)`);
  }
  const limit = param(filter.limit + 1);
  return {
    sql: `SELECT i.id, i.kind, i.channel_id AS "channelId", c.name AS "channelName", c.platform AS "channelPlatform",
                 i.author_handle AS "authorHandle", i.author_display_name AS "authorDisplayName", i.text,
                 ${isoTimestamp('i.received_at')} AS "receivedAt", i.category, i.priority, i.status,
                 i.assignee_user_id AS "assigneeUserId", u.display_name AS "assigneeDisplayName", i.department,
                 ${isoTimestamp('i.response_due_at')} AS "responseDueAt", ${isoTimestamp('i.first_response_at')} AS "firstResponseAt", i.version
            FROM (SELECT ${PAGE_COLUMNS} FROM inbox_items i WHERE ${where.join(' AND ')} ORDER BY i.received_at DESC, i.id DESC LIMIT ${limit}) i
            LEFT JOIN channels c ON c.id = i.channel_id AND c.organization_id = i.organization_id
            LEFT JOIN users u ON u.id = i.assignee_user_id
           ORDER BY i.received_at DESC, i.id DESC`,
    params,
  };
}

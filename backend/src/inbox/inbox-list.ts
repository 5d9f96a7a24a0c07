import { Injectable } from '@nestjs/common';
import type { InboxItemSummary, InboxListView } from '@amtsplan/contracts';
import type { InboxCategory, InboxKind, InboxPriority, InboxStatus } from '@amtsplan/domain';
import { runPrepared, shapedStatement } from '../database/prepared-query';
import { RequestScope } from '../database/request-scope';
import { encodeCursor } from './inbox-list-cursor';
import { type InboxListFilter, inboxListSql } from './inbox-list-sql';

/** A row of `inboxListSql`: an item with its channel and assignee's name; times as ISO strings. */
export interface InboxListRow {
  readonly id: string;
  readonly kind: InboxKind;
  readonly channelId: string | null;
  readonly channelName: string | null;
  readonly channelPlatform: string | null;
  readonly authorHandle: string;
  readonly authorDisplayName: string | null;
  readonly text: string;
  readonly receivedAt: string;
  readonly category: InboxCategory | null;
  readonly priority: InboxPriority;
  readonly status: InboxStatus;
  readonly assigneeUserId: string | null;
  readonly assigneeDisplayName: string | null;
  readonly department: string | null;
  readonly responseDueAt: string;
  readonly firstResponseAt: string | null;
  readonly version: number;
}

/** The Posteingang's list: one page of summaries in one statement. */
@Injectable()
export class InboxList {
  async page(filter: InboxListFilter): Promise<InboxListView> {
    const { organizationId, userId, role } = RequestScope.organization();
    const { sql, params } = inboxListSql(filter, { organizationId, userId, role });
    // Prepared per filter combination: the generic plan skips planning (prepared-query.ts).
    const { rows } = await runPrepared<InboxListRow>(RequestScope.manager(), shapedStatement('inbox_list', sql), params);
    const hasMore = rows.length > filter.limit;
    const page = hasMore ? rows.slice(0, filter.limit) : rows;
    const last = page[page.length - 1];
    return { items: page.map(listSummary), nextCursor: hasMore && last ? encodeCursor(last) : null };
  }
}

/** The summary of a list row, as InboxViews builds it from an item (same fields, same order). */
export function listSummary(row: InboxListRow): InboxItemSummary {
  return {
    id: row.id,
    kind: row.kind,
    // A channel the scope cannot see (or one deleted meanwhile) is left out, as in the detail.
    channel: row.channelId && row.channelName !== null ? { id: row.channelId, name: row.channelName, platform: row.channelPlatform as string } : null,
    authorHandle: row.authorHandle,
    authorDisplayName: row.authorDisplayName,
    text: row.text,
    receivedAt: row.receivedAt,
    category: row.category,
    priority: row.priority,
    status: row.status,
    assignee: row.assigneeUserId ? { id: row.assigneeUserId, displayName: row.assigneeDisplayName ?? 'Unbekannte Person' } : null,
    department: row.department,
    responseDueAt: row.responseDueAt,
    firstResponseAt: row.firstResponseAt,
    version: row.version,
  };
}

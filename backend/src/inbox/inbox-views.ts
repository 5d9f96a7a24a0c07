import { Injectable } from '@nestjs/common';
import type { InboxEvidenceView, InboxItemDetail, InboxItemSummary } from '@amtsplan/contracts';
import { replyNeedsApproval, responseClock, strafantragDeadline } from '@amtsplan/domain';
import { ApprovalDecisionEntity } from '../approvals/approval-decision.entity';
import { ApprovalRequestEntity } from '../approvals/approval-request.entity';
import { In } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { RequestScope } from '../database/request-scope';
import { ChannelCredentialsEntity } from '../publishing/channel-credentials.entity';
import { UserEntity } from '../users/user.entity';
import { InboxItemEntity } from './inbox-item.entity';
import { InboxEvidenceEntity, InboxHistoryEntity, InboxNoteEntity, InboxReplyEntity } from './inbox-records.entity';
import { InboxSettingsRepository } from './inbox-settings.repository';

type Person = { id: string; displayName: string };
type People = ReadonlyMap<string, Person>;
type Channels = ReadonlyMap<string, Pick<ChannelEntity, 'id' | 'name' | 'platform'>>;

function person(people: People, id: string | null): Person | null {
  if (!id) return null;
  return people.get(id) ?? { id, displayName: 'Unbekannte Person' };
}

export function toEvidenceView(evidence: InboxEvidenceEntity, people: People): InboxEvidenceView {
  return {
    id: evidence.id,
    text: evidence.text,
    authorHandle: evidence.authorHandle,
    authorDisplayName: evidence.authorDisplayName,
    authorProfileUrl: evidence.authorProfileUrl,
    permalink: evidence.permalink,
    occurredAt: evidence.occurredAt.toISOString(),
    timeZone: evidence.timeZone,
    context: evidence.context,
    knowledgeDate: evidence.knowledgeDate,
    strafantragDeadline: strafantragDeadline(evidence.knowledgeDate),
    hasScreenshot: evidence.screenshotSha256 !== null,
    contentSha256: evidence.contentSha256,
    legalHold: evidence.legalHold,
    securedBy: person(people, evidence.securedByUserId) ?? { id: '', displayName: '' },
    securedAt: evidence.securedAt.toISOString(),
  };
}

/** Turns an item into the API's detail view; people and channels are read in one query each. */
@Injectable()
export class InboxViews {
  constructor(private readonly settings: InboxSettingsRepository) {}

  async people(ids: readonly (string | null)[]): Promise<People> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (!unique.length) return new Map();
    const users = await RequestScope.manager().find(UserEntity, { where: { id: In(unique) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
  }

  /** The latest request of each reply that went to the Freigabe, with its decisions (comments). */
  private async replyApprovals(replyIds: readonly string[]): Promise<Map<string, ReplyApproval>> {
    if (!replyIds.length) return new Map();
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const requests = await manager.find(ApprovalRequestEntity, { where: { inboxReplyId: In([...replyIds]), organizationId }, order: { submittedAt: 'DESC' } });
    const decisions = requests.length ? await manager.find(ApprovalDecisionEntity, { where: { requestId: In(requests.map((r) => r.id)), organizationId }, order: { decidedAt: 'ASC' } }) : [];
    const byReply = new Map<string, ReplyApproval>();
    for (const request of requests) {
      if (request.inboxReplyId && !byReply.has(request.inboxReplyId)) byReply.set(request.inboxReplyId, { request, decisions: decisions.filter((d) => d.requestId === request.id) });
    }
    return byReply;
  }

  private async channels(ids: readonly (string | null)[]): Promise<Channels> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (!unique.length) return new Map();
    const { organizationId } = RequestScope.organization();
    const rows = await RequestScope.manager().find(ChannelEntity, { where: { id: In(unique), organizationId }, select: { id: true, name: true, platform: true } });
    return new Map(rows.map((c) => [c.id, c]));
  }

  async detail(item: InboxItemEntity): Promise<InboxItemDetail> {
    const manager = RequestScope.manager();
    const where = { itemId: item.id, organizationId: item.organizationId };
    // One after the other: all run on the request's one connection (pg queues concurrent queries on a client, and pg 9 refuses them).
    const history = await manager.find(InboxHistoryEntity, { where, order: { at: 'ASC' } });
    const notes = await manager.find(InboxNoteEntity, { where, order: { createdAt: 'ASC' } });
    const replies = await manager.find(InboxReplyEntity, { where, order: { createdAt: 'ASC' } });
    const evidence = await manager.find(InboxEvidenceEntity, { where, order: { securedAt: 'ASC' } });
    const channels = await this.channels([item.channelId]);
    const clockSettings = await this.settings.clockSettings();
    const credentials = item.channelId ? await manager.count(ChannelCredentialsEntity, { where: { channelId: item.channelId, organizationId: item.organizationId } }) : 0;
    const sensitive = (await this.settings.current()).sensitiveCategories;
    const approvals = await this.replyApprovals(replies.filter((r) => r.contentHash !== null).map((r) => r.id));
    const people = await this.people([
      item.assigneeUserId,
      item.departmentUserId,
      item.moderatedByUserId,
      ...history.map((h) => h.actorUserId),
      ...notes.map((n) => n.authorUserId),
      ...replies.map((r) => r.authorUserId),
      ...evidence.map((e) => e.securedByUserId),
      ...[...approvals.values()].flatMap((a) => a.decisions.map((d) => d.userId)),
    ]);
    const clock = responseClock(item.receivedAt, item.firstResponseAt, new Date(), clockSettings);
    const channel = item.channelId ? channels.get(item.channelId) : undefined;
    return {
      ...summary(item, people, channels),
      authorProfileUrl: item.authorProfileUrl,
      permalink: item.permalink,
      postId: item.postId,
      source: item.source,
      departmentUser: person(people, item.departmentUserId),
      moderation: item.moderationAction
        ? { action: item.moderationAction, netiquetteRule: item.netiquetteRule ?? '', decidedBy: person(people, item.moderatedByUserId) }
        : null,
      personalDataRemoved: item.personalDataRemovedAt !== null,
      clock: {
        dueAt: clock.dueAt.toISOString(),
        reminderAt: clock.reminderAt.toISOString(),
        state: clock.state,
        remainingOfficeMinutes: Math.round(clock.remainingOfficeMs / 60_000),
      },
      canReplyViaMastodon: channel?.platform === 'mastodon' && credentials > 0 && item.externalStatusId !== null,
      replyNeedsApproval: replyNeedsApproval(item.category, sensitive),
      history: history.map((h) => ({ id: h.id, action: h.action, actor: person(people, h.actorUserId), details: h.details, at: h.at.toISOString() })),
      notes: notes.map((n) => ({ id: n.id, author: person(people, n.authorUserId) as Person, body: n.body, createdAt: n.createdAt.toISOString() })),
      replies: replies.map((r) => ({
        id: r.id,
        body: r.body,
        state: r.state,
        delivery: r.delivery,
        approval: approvalView(approvals.get(r.id), people),
        textBlockVersionId: r.textBlockVersionId,
        author: person(people, r.authorUserId) as Person,
        externalId: r.externalId,
        sentAt: r.sentAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
      evidence: evidence.map((e) => toEvidenceView(e, people)),
    };
  }
}

type ReplyApproval = { request: ApprovalRequestEntity; decisions: ApprovalDecisionEntity[] };

function approvalView(approval: ReplyApproval | undefined, people: People): InboxItemDetail['replies'][number]['approval'] {
  if (!approval) return null;
  return {
    requestId: approval.request.id,
    status: approval.request.status,
    comments: approval.decisions.filter((d) => d.comment).map((d) => ({ person: person(people, d.userId)?.displayName ?? '', kind: d.kind, comment: d.comment ?? '' })),
  };
}

function summary(item: InboxItemEntity, people: People, channels: Channels): InboxItemSummary {
  const channel = item.channelId ? channels.get(item.channelId) : undefined;
  return {
    id: item.id,
    kind: item.kind,
    channel: channel ? { id: channel.id, name: channel.name, platform: channel.platform } : null,
    authorHandle: item.authorHandle,
    authorDisplayName: item.authorDisplayName,
    text: item.text,
    receivedAt: item.receivedAt.toISOString(),
    category: item.category,
    priority: item.priority,
    status: item.status,
    assignee: person(people, item.assigneeUserId),
    department: item.department,
    responseDueAt: item.responseDueAt.toISOString(),
    firstResponseAt: item.firstResponseAt?.toISOString() ?? null,
    version: item.version,
  };
}

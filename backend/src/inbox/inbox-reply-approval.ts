import { Injectable, OnModuleInit } from '@nestjs/common';
import type { InboxCategory } from '@amtsplan/contracts';
import { type ApprovalRequestStatus, canonicalInboxReplyContent, INBOX_CATEGORY_LABELS, INBOX_REPLY_ROUTE_TAG, voidApprovalRequest } from '@amtsplan/domain';
import { createHash } from 'node:crypto';
import { In } from 'typeorm';
import { ApprovalNotices } from '../approvals/approval-notices';
import { ApprovalOpening } from '../approvals/approval-opening';
import { ApprovalReminderJobs } from '../approvals/approval-reminder-jobs';
import { ApprovalRequestRepository } from '../approvals/approval-request.repository';
import { requestState } from '../approvals/approval-state';
import { type ApprovalSubjectKind, type ApprovalSubjectSummary, ApprovalSubjects } from '../approvals/approval-subject';
import { AuditLog } from '../audit/audit-log';
import { ChannelEntity } from '../channels/channel.entity';
import { RequestScope } from '../database/request-scope';
import { InboxHistory } from './inbox-history';
import type { InboxItemEntity } from './inbox-item.entity';
import { InboxReplyEntity, type InboxReplyState } from './inbox-records.entity';

/** Reply states that wait for, or rest on, a Freigabe; a new text replaces such a reply. */
const OPEN_STATES: readonly InboxReplyState[] = ['in_approval', 'approved', 'changes_requested', 'rejected'];

/** The reply's state that follows its request's status. */
export function replyStateOf(status: ApprovalRequestStatus): InboxReplyState {
  switch (status) {
    case 'pending':
      return 'in_approval';
    case 'approved':
      return 'approved';
    case 'changes_requested':
      return 'changes_requested';
    case 'rejected':
      return 'rejected';
    default:
      return 'withdrawn';
  }
}

/**
 * Replies on items of a sensitive category as the fourth subject of the organization's
 * Freigabe (decision 0020). Submitting binds the request to the SHA-256 of the reply text and
 * the comment it answers; a new text for the same item voids the running request and submits
 * again, so only what leadership read can be sent. The reply is sent by comms once approved
 * (InboxReplyService.sendApproved), not by the approver's click.
 */
@Injectable()
export class InboxReplyApproval implements ApprovalSubjectKind, OnModuleInit {
  readonly type = 'inbox_reply' as const;

  constructor(
    private readonly subjects: ApprovalSubjects,
    private readonly opening: ApprovalOpening,
    private readonly requests: ApprovalRequestRepository,
    private readonly notices: ApprovalNotices,
    private readonly reminders: ApprovalReminderJobs,
    private readonly history: InboxHistory,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    if (!this.subjects.has(this.type)) this.subjects.register(this);
  }

  /** Stores the reply as waiting for its Freigabe and opens the request; voids an older one of the item. */
  async submit(item: InboxItemEntity, body: string, textBlockVersionId: string | null): Promise<void> {
    const scope = RequestScope.organization();
    await this.withdrawOpen(item, 'Die Antwort wurde geändert; diese Freigabe gilt nicht mehr.');
    const manager = RequestScope.manager();
    const channel = item.channelId ? await manager.findOne(ChannelEntity, { where: { id: item.channelId, organizationId: scope.organizationId } }) : null;
    const category = item.category as InboxCategory;
    const canonical = canonicalInboxReplyContent({
      itemId: item.id,
      comment: { authorHandle: item.authorHandle, authorDisplayName: item.authorDisplayName, text: item.text, channelName: channel?.name ?? null, category },
      reply: { body, textBlockVersionId },
    });
    const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
    const inserted = await manager.insert(InboxReplyEntity, {
      organizationId: scope.organizationId,
      itemId: item.id,
      body: body.trim(),
      state: 'in_approval',
      delivery: null,
      textBlockVersionId,
      authorUserId: scope.userId,
      externalId: null,
      sentAt: null,
      contentHash: hash,
    });
    const replyId = (inserted.identifiers[0] as { id: string }).id;
    const requestId = await this.opening.open({
      type: 'inbox_reply',
      subjectId: replyId,
      title: titleFor(item),
      contentHash: hash,
      canonicalContent: canonical,
      authorUserId: scope.userId,
      contentEditorUserIds: [scope.userId],
      routeFacts: {
        channelIds: item.channelId ? [item.channelId] : [],
        sensitiveTopic: true,
        tags: [INBOX_REPLY_ROUTE_TAG, INBOX_CATEGORY_LABELS[category]],
        inElectionBlackout: false,
      },
      auditDetails: { itemId: item.id, replyId, category },
    });
    const opened = await this.requests.get(requestId);
    await manager.update(InboxReplyEntity, { id: replyId, organizationId: scope.organizationId }, { state: replyStateOf(opened.status) });
    await this.history.record(item.id, 'inbox.reply_submitted', { replyId, requestId, contentHash: hash, textBlockVersionId });
  }

  /** A newer text replaces the reply waiting for (or resting on) a Freigabe: its request is voided. */
  async withdrawOpen(item: InboxItemEntity, message: string): Promise<void> {
    const { organizationId, tx } = RequestScope.organization();
    const manager = RequestScope.manager();
    const open = await manager.find(InboxReplyEntity, { where: { itemId: item.id, organizationId, state: In([...OPEN_STATES]) } });
    for (const reply of open) {
      const live = await this.requests.liveForInboxReply(reply.id, { lock: true });
      if (live) {
        const before = requestState(live, (await this.requests.decisionsOf([live.id])).get(live.id) ?? []);
        const now = new Date();
        const state = voidApprovalRequest(before, [message], now);
        await this.requests.update(live.id, live.version, { status: state.status, closedAt: now, voidReasons: [{ kind: 'resubmitted', message }] });
        await this.audit.recordInOrganization({
          action: 'approval.voided',
          objectType: 'approval_request',
          objectId: live.id,
          details: { subjectType: 'inbox_reply', subjectId: reply.id, itemId: item.id, reasons: [message], approvedContentHash: live.contentHash },
        });
        await this.notices.ended({ requestId: live.id, workingTitle: titleFor(item), state: before }, 'voided', [message]);
        const step = before.steps.findIndex((s) => s.status === 'open');
        if (step >= 0) this.reminders.cancelAfterCommit(tx, live.id, [step]);
      }
      await manager.update(InboxReplyEntity, { id: reply.id, organizationId }, { state: 'withdrawn' });
    }
  }

  async lock(replyId: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().findOne(InboxReplyEntity, { where: { id: replyId, organizationId }, lock: { mode: 'pessimistic_write' } });
  }

  async summaries(replyIds: readonly string[]): Promise<Map<string, ApprovalSubjectSummary>> {
    const { organizationId } = RequestScope.organization();
    if (!replyIds.length) return new Map();
    const replies = await RequestScope.manager().find(InboxReplyEntity, { where: { id: In([...replyIds]), organizationId }, relations: { item: true } });
    return new Map(
      replies.map((r) => [r.id, { title: r.item ? titleFor(r.item) : 'Antwort im Posteingang', link: `/o/${organizationId}/community`, parentId: r.itemId, versionNumber: 1 }]),
    );
  }

  async requestMoved(replyId: string, _requestId: string, status: ApprovalRequestStatus): Promise<void> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const reply = await manager.findOne(InboxReplyEntity, { where: { id: replyId, organizationId } });
    if (!reply || reply.state === 'sent' || reply.state === 'withdrawn') return;
    await manager.update(InboxReplyEntity, { id: replyId, organizationId }, { state: replyStateOf(status) });
  }
}

function titleFor(item: Pick<InboxItemEntity, 'authorDisplayName' | 'authorHandle'>): string {
  return `Antwort an ${item.authorDisplayName || item.authorHandle}`;
}

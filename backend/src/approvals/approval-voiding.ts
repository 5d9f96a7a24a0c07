import { Injectable } from '@nestjs/common';
import { approvalContentChanges, currentStepIndex, parseApprovalContent, postStatusMachine, voidApprovalRequest } from '@amtsplan/domain';
import { In } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { ChannelEntity } from '../channels/channel.entity';
import { RequestScope } from '../database/request-scope';
import { PostEntity } from '../posts/post.entity';
import { ApprovalContentReader } from './approval-content-reader';
import { ApprovalNotices } from './approval-notices';
import { ApprovalReminderJobs } from './approval-reminder-jobs';
import { ApprovalRequestRepository } from './approval-request.repository';
import { requestState } from './approval-state';

/** Post statuses that rest on a running or granted approval; a content change sends them back to draft. */
const RESTING_ON_APPROVAL = new Set(['in_approval', 'approved', 'scheduled']);

/**
 * An approval never outlives its content (DESIGN.md invariant 1). Called by the post's own
 * saves once changed content is written and before the post is read back: when the content
 * hash no longer matches the post's running or approved request, the request is voided with
 * the reasons (what changed, in German), and the post goes back to draft as part of the same
 * edit (same version). A save that leaves the hashed content as it was changes nothing here.
 */
@Injectable()
export class ApprovalVoiding {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly reader: ApprovalContentReader,
    private readonly audit: AuditLog,
    private readonly notices: ApprovalNotices,
    private readonly reminders: ApprovalReminderJobs,
  ) {}

  /** Whether a request was voided (and the post moved to draft). */
  async afterContentSaved(postId: string): Promise<boolean> {
    const live = await this.requests.live(postId, { lock: true });
    if (!live) return false;
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const post = await manager.findOneOrFail(PostEntity, { where: { id: postId, organizationId } });
    const current = await this.reader.of(post);
    if (current.hash === live.contentHash) return false;

    const channelIds = [...new Set([...parseApprovalContent(live.canonicalContent).channels, ...current.content.channels].map((c) => c.channelId))];
    const names = new Map((await manager.find(ChannelEntity, { where: { id: In(channelIds), organizationId } })).map((c) => [c.id, c.name]));
    const changes = approvalContentChanges(parseApprovalContent(live.canonicalContent), current.content, { channelName: (id) => names.get(id) ?? id });
    const now = new Date();
    // The domain refuses a void from a closed status; `live` is pending or approved by its query.
    const before = requestState(live, (await this.requests.decisionsOf([live.id])).get(live.id) ?? []);
    const voided = voidApprovalRequest(before, changes.map((c) => c.message), now);
    await this.requests.update(live.id, live.version, { status: voided.status, closedAt: now, voidReasons: changes });
    await this.notices.ended({ requestId: live.id, workingTitle: post.workingTitle, state: before }, 'voided', voided.voidReasons);
    const open = currentStepIndex(before);
    if (open !== null) this.reminders.cancelAfterCommit(RequestScope.organization().tx, live.id, [open]);

    const back = RESTING_ON_APPROVAL.has(post.status) && postStatusMachine.canTransition(post.status, 'draft');
    if (back) await manager.update(PostEntity, { id: postId, organizationId }, { status: 'draft' });
    await this.audit.recordInOrganization({
      action: 'approval.voided',
      objectType: 'approval_request',
      objectId: live.id,
      details: {
        postId,
        requestStatus: live.status,
        reasons: changes.map((c) => c.message),
        approvedContentHash: live.contentHash,
        contentHash: current.hash,
      },
    });
    if (back) {
      await this.audit.recordInOrganization({
        action: 'post.status_changed',
        objectType: 'post',
        objectId: postId,
        details: { from: post.status, to: 'draft', version: post.version, reason: 'Freigabe durch Änderung ungültig' },
      });
    }
    return true;
  }
}

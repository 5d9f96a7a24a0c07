import { Injectable } from '@nestjs/common';
import type { InboxItemDetail, ReplyInboxItemRequest, SendApprovedReplyRequest } from '@amtsplan/contracts';
import { inboxStatusMachine, placeholdersLeftInReply, replyNeedsApproval } from '@amtsplan/domain';
import { ApprovalRequestRepository } from '../approvals/approval-request.repository';
import { ChannelEntity } from '../channels/channel.entity';
import { HoldingStatementUse } from '../crisis/holding-statements';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MastodonAdapter } from '../publishing/adapters/mastodon-adapter';
import { ChannelCredentialsEntity } from '../publishing/channel-credentials.entity';
import { ChannelSecrets } from '../publishing/channel-secrets';
import { InboxHistory } from './inbox-history';
import { InboxItemEntity } from './inbox-item.entity';
import { InboxItemRepository } from './inbox-item.repository';
import { InboxReplyApproval } from './inbox-reply-approval';
import { InboxReplyEntity } from './inbox-records.entity';
import { InboxSettingsRepository } from './inbox-settings.repository';
import { InboxViews } from './inbox-views';

type ParsedReply = Omit<ReplyInboxItemRequest, 'textBlockVersionId'> & { textBlockVersionId: string | null };

/**
 * Answering an item. On a connected Mastodon channel the reply goes out as a real answer
 * (in_reply_to_id) through the publisher's Mastodon adapter, with an Idempotency-Key bound
 * to the item's version so a repeated click cannot post twice. Elsewhere comms copies the
 * text into the platform and the reply is stored as "kopiert und als beantwortet markiert".
 * Either way the first reply stops the response clock.
 *
 * On an item of a category the organization marked sensitive, the reply is not sent: it goes to
 * the Freigabe (InboxReplyApproval) and is sent with `sendApproved` once granted, exactly as
 * approved (decision 0020).
 */
@Injectable()
export class InboxReplyService {
  constructor(
    private readonly items: InboxItemRepository,
    private readonly history: InboxHistory,
    private readonly views: InboxViews,
    private readonly mastodon: MastodonAdapter,
    private readonly secrets: ChannelSecrets,
    private readonly holdingStatements: HoldingStatementUse,
    private readonly settings: InboxSettingsRepository,
    private readonly approval: InboxReplyApproval,
    private readonly requests: ApprovalRequestRepository,
  ) {}

  async reply(id: string, request: ParsedReply): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    if (item.version !== request.version) throw ProblemException.staleVersion();
    const placeholders = placeholdersLeftInReply(request.body);
    if (placeholders.length) {
      throw ProblemException.validation([{ path: 'body', message: `Platzhalter noch nicht ausgefüllt: ${placeholders.map((p) => `{{${p}}}`).join(', ')}` }]);
    }
    if (item.status !== 'answered' && !inboxStatusMachine.canTransition(item.status, 'answered')) {
      throw ProblemException.conflict('Dieser Eintrag kann in seinem Status nicht beantwortet werden.');
    }
    if (replyNeedsApproval(item.category, (await this.settings.current()).sensitiveCategories)) {
      // The versioned update first: it locks the item, so two submissions cannot cross.
      await this.items.update(id, request.version, { assigneeUserId: item.assigneeUserId ?? RequestScope.organization().userId });
      await this.approval.submit(item, request.body, request.textBlockVersionId);
      return this.views.detail(await this.items.find(id));
    }
    return this.send(item, request.version, request.body, request.delivery, request.textBlockVersionId, null);
  }

  /**
   * Sends the reply whose Freigabe was granted: its text exactly as approved (the request's
   * content hash still matches the reply's), through Mastodon or copied by hand.
   */
  async sendApproved(id: string, replyId: string, request: SendApprovedReplyRequest): Promise<InboxItemDetail> {
    const item = await this.items.find(id);
    if (item.version !== request.version) throw ProblemException.staleVersion();
    const { organizationId } = RequestScope.organization();
    const reply = await RequestScope.manager().findOne(InboxReplyEntity, { where: { id: replyId, itemId: id, organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!reply) throw ProblemException.notFound('Diese Antwort gibt es nicht.');
    const live = await this.requests.liveForInboxReply(reply.id, { lock: true });
    if (reply.state !== 'approved' || !live || live.status !== 'approved' || live.contentHash !== reply.contentHash) {
      throw ProblemException.conflict('Diese Antwort ist nicht freigegeben und kann nicht gesendet werden.');
    }
    if (item.status !== 'answered' && !inboxStatusMachine.canTransition(item.status, 'answered')) {
      throw ProblemException.conflict('Dieser Eintrag kann in seinem Status nicht beantwortet werden.');
    }
    return this.send(item, request.version, reply.body, request.delivery, reply.textBlockVersionId, reply);
  }

  private async send(
    item: InboxItemEntity,
    version: number,
    body: string,
    delivery: 'mastodon' | 'copied',
    textBlockVersionId: string | null,
    approved: InboxReplyEntity | null,
  ): Promise<InboxItemDetail> {
    const id = item.id;
    const request = { version, body, delivery, textBlockVersionId };
    const externalId = request.delivery === 'mastodon' ? await this.sendToMastodon(item, request.body) : null;
    const scope = RequestScope.organization();
    const now = new Date();
    if (approved) {
      await scope.tx.manager.update(InboxReplyEntity, { id: approved.id, organizationId: scope.organizationId }, { state: 'sent', delivery, externalId, sentAt: now });
      // An approved reply built on a holding statement of the active crisis goes on the incident's timeline too.
      await this.holdingStatements.replySent(id, textBlockVersionId, delivery);
      await this.items.update(id, request.version, { status: 'answered', firstResponseAt: item.firstResponseAt ?? now, assigneeUserId: item.assigneeUserId ?? scope.userId });
      await this.history.record(id, 'inbox.replied', { delivery, externalId, textBlockVersionId, replyId: approved.id, approvedContentHash: approved.contentHash });
      return this.views.detail(await this.items.find(id));
    }
    // A direct reply (the category is no longer sensitive) ends any reply still waiting for a Freigabe.
    await this.approval.withdrawOpen(item, 'Der Eintrag wurde ohne diese Antwort beantwortet; diese Freigabe gilt nicht mehr.');
    await scope.tx.manager.insert(InboxReplyEntity, {
      organizationId: scope.organizationId,
      itemId: id,
      body: request.body,
      state: 'sent',
      delivery: request.delivery,
      textBlockVersionId: request.textBlockVersionId,
      authorUserId: scope.userId,
      externalId,
      sentAt: now,
    });
    // A holding statement of the active crisis: the incident's timeline says it was published.
    await this.holdingStatements.replySent(id, request.textBlockVersionId, request.delivery);
    await this.items.update(id, request.version, {
      status: 'answered',
      firstResponseAt: item.firstResponseAt ?? now,
      assigneeUserId: item.assigneeUserId ?? scope.userId,
    });
    await this.history.record(id, 'inbox.replied', { delivery: request.delivery, externalId, textBlockVersionId: request.textBlockVersionId });
    return this.views.detail(await this.items.find(id));
  }

  private async sendToMastodon(item: InboxItemEntity, text: string): Promise<string> {
    const manager = RequestScope.manager();
    const channel = item.channelId ? await manager.findOne(ChannelEntity, { where: { id: item.channelId, organizationId: item.organizationId } }) : null;
    const credentials = channel ? await manager.findOne(ChannelCredentialsEntity, { where: { channelId: channel.id, organizationId: item.organizationId } }) : null;
    if (!channel || channel.platform !== 'mastodon' || !credentials || !item.externalStatusId) {
      throw ProblemException.unprocessable('Dieser Eintrag kann nicht über Mastodon beantwortet werden. Bitte die Antwort kopieren und als beantwortet markieren.');
    }
    const outcome = await this.mastodon.publish(
      { text, media: [], inReplyToId: item.externalStatusId },
      { id: channel.id, platform: 'mastodon', name: channel.name, credentials: { instanceUrl: credentials.instanceUrl, accessToken: this.secrets.open(channel.id, credentials.accessTokenSealed) } },
      `inbox-reply_${item.id}_${item.version}`,
      { attempt: 1, now: new Date() },
    );
    if (outcome.kind === 'published') return outcome.externalId;
    const message = 'message' in outcome ? outcome.message : 'Mastodon hat die Antwort nicht bestätigt.';
    throw ProblemException.conflict(`Die Antwort wurde nicht gesendet: ${message}`);
  }
}

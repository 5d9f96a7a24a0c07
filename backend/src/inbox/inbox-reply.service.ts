import { Injectable } from '@nestjs/common';
import type { InboxItemDetail, ReplyInboxItemRequest } from '@amtsplan/contracts';
import { inboxStatusMachine, placeholdersLeftInReply } from '@amtsplan/domain';
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
import { InboxReplyEntity } from './inbox-records.entity';
import { InboxViews } from './inbox-views';

type ParsedReply = Omit<ReplyInboxItemRequest, 'textBlockVersionId'> & { textBlockVersionId: string | null };

/**
 * Answering an item. On a connected Mastodon channel the reply goes out as a real answer
 * (in_reply_to_id) through the publisher's Mastodon adapter, with an Idempotency-Key bound
 * to the item's version so a repeated click cannot post twice. Elsewhere comms copies the
 * text into the platform and the reply is stored as "kopiert und als beantwortet markiert".
 * Either way the first reply stops the response clock.
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
    const externalId = request.delivery === 'mastodon' ? await this.sendToMastodon(item, request.body) : null;
    const scope = RequestScope.organization();
    const now = new Date();
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

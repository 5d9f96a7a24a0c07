import { Injectable } from '@nestjs/common';
import type { InboxItemDetail } from '@amtsplan/contracts';
import { CaptureInboxItemRequest as CaptureSchema } from '@amtsplan/contracts';
import { evaluateRoutingRules, responseDueAt, type InboxKind } from '@amtsplan/domain';
import { ChannelEntity } from '../channels/channel.entity';
import { CrisisDetectionJobs } from '../crisis/crisis-detection-jobs';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { InboxHistory } from './inbox-history';
import { InboxItemEntity } from './inbox-item.entity';
import { InboxResponseReminderJobs } from './inbox-response-reminder-jobs';
import { InboxRoutingRuleRepository, toRoutingRule } from './inbox-routing-rule.repository';
import { InboxSettingsRepository } from './inbox-settings.repository';
import { InboxViews } from './inbox-views';

export type ParsedCapture = ReturnType<typeof CaptureSchema.parse>;

export interface ArrivalSource {
  readonly source: 'manual' | 'csv' | 'mastodon';
  readonly externalId?: string | null;
  readonly externalStatusId?: string | null;
}

/**
 * An item arrives: routing rules decide category, assignee, department and priority, the
 * response clock sets the due time, and the history gets its first line. Manual capture,
 * the CSV import and the Mastodon poll all arrive here.
 */
@Injectable()
export class InboxArrival {
  constructor(
    private readonly rules: InboxRoutingRuleRepository,
    private readonly settings: InboxSettingsRepository,
    private readonly history: InboxHistory,
    private readonly detection: CrisisDetectionJobs,
    private readonly responseReminders: InboxResponseReminderJobs,
  ) {}

  /** Returns null when an item with the same external id already exists on the channel. */
  async receive(capture: ParsedCapture, origin: ArrivalSource, audit: boolean): Promise<InboxItemEntity | null> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    if (capture.channelId) {
      const channel = await manager.findOne(ChannelEntity, { where: { id: capture.channelId, organizationId } });
      if (!channel) throw ProblemException.validation([{ path: 'channelId', message: 'Diesen Kanal gibt es nicht' }]);
    }
    const routing = evaluateRoutingRules((await this.rules.all()).map(toRoutingRule), { text: capture.text, channelId: capture.channelId });
    const receivedAt = capture.receivedAt ? new Date(capture.receivedAt) : new Date();
    const clock = await this.settings.clockSettings();
    const insert = await manager
      .createQueryBuilder()
      .insert()
      .into(InboxItemEntity)
      .values({
        organizationId,
        kind: capture.kind as InboxKind,
        channelId: capture.channelId,
        source: origin.source,
        externalId: origin.externalId ?? null,
        externalStatusId: origin.externalStatusId ?? null,
        authorHandle: capture.authorHandle,
        authorDisplayName: capture.authorDisplayName,
        authorProfileUrl: capture.authorProfileUrl,
        text: capture.text,
        permalink: capture.permalink,
        receivedAt,
        postId: capture.postId,
        category: routing.category,
        priority: routing.priority ?? 'normal',
        status: routing.assigneeUserId ? 'assigned' : 'new',
        assigneeUserId: routing.assigneeUserId,
        department: routing.department,
        responseDueAt: responseDueAt(receivedAt, clock),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (insert.raw as Array<{ id: string }>)[0]?.id;
    if (!id) return null;
    // The shitstorm detection counts this arrival (after commit, debounced; decision 0021).
    this.detection.afterArrival();
    const details = { source: origin.source, routedBy: routing.appliedRuleIds, category: routing.category, assigneeUserId: routing.assigneeUserId, department: routing.department };
    if (audit) await this.history.record(id, 'inbox.item_captured', details);
    else await this.history.recordQuietly(id, 'inbox.item_captured', details);
    const item = await manager.findOneByOrFail(InboxItemEntity, { id });
    this.responseReminders.planAfterCommit(RequestScope.organization().tx, item, clock);
    return item;
  }
}

@Injectable()
export class InboxCaptureService {
  constructor(
    private readonly arrival: InboxArrival,
    private readonly views: InboxViews,
  ) {}

  async capture(request: ParsedCapture): Promise<InboxItemDetail> {
    const item = await this.arrival.receive(request, { source: 'manual' }, true);
    if (!item) throw ProblemException.conflict('Dieser Eintrag ist schon im Posteingang.');
    return this.views.detail(item);
  }
}

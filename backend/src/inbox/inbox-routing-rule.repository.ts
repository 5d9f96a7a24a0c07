import { Injectable } from '@nestjs/common';
import type { InboxCategory, InboxPriority, RoutingRule } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { InboxRoutingRuleEntity } from './inbox-records.entity';

export function toRoutingRule(entity: InboxRoutingRuleEntity): RoutingRule {
  return {
    id: entity.id,
    position: entity.position,
    active: entity.active,
    match: entity.matchKind === 'channel' ? { kind: 'channel', channelId: entity.channelId ?? '' } : { kind: 'keyword', keyword: entity.keyword ?? '' },
    category: entity.category as InboxCategory | null,
    assigneeUserId: entity.assigneeUserId,
    department: entity.department,
    priority: entity.priority as InboxPriority | null,
  };
}

@Injectable()
export class InboxRoutingRuleRepository {
  all(): Promise<InboxRoutingRuleEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(InboxRoutingRuleEntity, { where: { organizationId }, order: { position: 'ASC', id: 'ASC' } });
  }
}

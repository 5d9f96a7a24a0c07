import { Injectable } from '@nestjs/common';
import type { InboxSettingsView, RoutingRuleInput, RoutingRuleView, UpdateInboxSettingsRequest } from '@amtsplan/contracts';
import type { InboxCategory, InboxPriority } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { ChannelEntity } from '../channels/channel.entity';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { ProblemException } from '../http/problem.exception';
import { MembershipEntity } from '../members/membership.entity';
import { InboxRoutingRuleEntity, InboxSettingsEntity } from './inbox-records.entity';
import { InboxRoutingRuleRepository } from './inbox-routing-rule.repository';
import { InboxSettingsRepository } from './inbox-settings.repository';

type ParsedRule = { [K in keyof RoutingRuleInput]-?: Exclude<RoutingRuleInput[K], undefined> };

function toSettingsView(settings: InboxSettingsEntity): InboxSettingsView {
  return {
    officeWeekdays: settings.officeWeekdays,
    officeStart: settings.officeStart,
    officeEnd: settings.officeEnd,
    responseTargetHours: settings.responseTargetHours,
    retentionDays: settings.retentionDays,
    departments: settings.departments,
    sensitiveCategories: settings.sensitiveCategories as InboxCategory[],
    version: settings.version,
  };
}

function toRuleView(rule: InboxRoutingRuleEntity): RoutingRuleView {
  return {
    id: rule.id,
    position: rule.position,
    active: rule.active,
    matchKind: rule.matchKind,
    keyword: rule.keyword,
    channelId: rule.channelId,
    category: rule.category as InboxCategory | null,
    assigneeUserId: rule.assigneeUserId,
    department: rule.department,
    priority: rule.priority as InboxPriority | null,
    version: rule.version,
  };
}

/** Office hours, response target, retention, departments and routing rules. */
@Injectable()
export class InboxSettingsService {
  constructor(
    private readonly settings: InboxSettingsRepository,
    private readonly rules: InboxRoutingRuleRepository,
    private readonly audit: AuditLog,
  ) {}

  async get(): Promise<InboxSettingsView> {
    return toSettingsView(await this.settings.current());
  }

  async update(request: UpdateInboxSettingsRequest): Promise<InboxSettingsView> {
    const existing = await this.settings.current();
    const { version, ...changes } = request;
    const departments = [...new Set(changes.departments)];
    const sensitiveCategories = changes.sensitiveCategories ? [...new Set(changes.sensitiveCategories)] : existing.sensitiveCategories;
    await updateVersioned(InboxSettingsEntity, 'inbox_settings', existing.id, version, { ...changes, departments, sensitiveCategories });
    await this.audit.recordInOrganization({ action: 'inbox.settings_updated', objectType: 'inbox_settings', objectId: existing.id, details: { ...changes, version: version + 1 } });
    const before = [...existing.sensitiveCategories].sort().join(',');
    if (before !== [...sensitiveCategories].sort().join(',')) {
      await this.audit.recordInOrganization({
        action: 'inbox.sensitive_categories_changed',
        objectType: 'inbox_settings',
        objectId: existing.id,
        details: { from: existing.sensitiveCategories, to: sensitiveCategories },
      });
    }
    return this.get();
  }

  async listRules(): Promise<RoutingRuleView[]> {
    return (await this.rules.all()).map(toRuleView);
  }

  private async checkTargets(rule: ParsedRule): Promise<void> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    if (rule.channelId && !(await manager.existsBy(ChannelEntity, { id: rule.channelId, organizationId }))) {
      throw ProblemException.validation([{ path: 'channelId', message: 'Diesen Kanal gibt es nicht' }]);
    }
    if (rule.assigneeUserId && !(await manager.existsBy(MembershipEntity, { userId: rule.assigneeUserId, organizationId }))) {
      throw ProblemException.validation([{ path: 'assigneeUserId', message: 'Diese Person gehört nicht zur Organisation' }]);
    }
  }

  private columns(rule: ParsedRule) {
    return {
      active: rule.active,
      matchKind: rule.matchKind,
      keyword: rule.matchKind === 'keyword' ? rule.keyword : null,
      channelId: rule.matchKind === 'channel' ? rule.channelId : null,
      category: rule.category,
      assigneeUserId: rule.assigneeUserId,
      department: rule.department,
      priority: rule.priority,
    };
  }

  async createRule(rule: ParsedRule): Promise<RoutingRuleView> {
    await this.checkTargets(rule);
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const last = await manager.maximum(InboxRoutingRuleEntity, 'position', { organizationId });
    const saved = await manager.save(manager.create(InboxRoutingRuleEntity, { organizationId, position: (last ?? 0) + 1, ...this.columns(rule) }));
    await this.audit.recordInOrganization({ action: 'inbox.routing_rule_created', objectType: 'inbox_routing_rule', objectId: saved.id, details: this.columns(rule) });
    return toRuleView(saved);
  }

  async updateRule(id: string, rule: ParsedRule & { version: number }): Promise<RoutingRuleView> {
    await this.checkTargets(rule);
    const found = await updateVersioned(InboxRoutingRuleEntity, 'inbox_routing_rule', id, rule.version, this.columns(rule));
    if (!found) throw ProblemException.notFound('Diese Regel gibt es nicht.');
    await this.audit.recordInOrganization({ action: 'inbox.routing_rule_updated', objectType: 'inbox_routing_rule', objectId: id, details: this.columns(rule) });
    const { organizationId } = RequestScope.organization();
    return toRuleView(await RequestScope.manager().findOneByOrFail(InboxRoutingRuleEntity, { id, organizationId }));
  }

  /**
   * The rules in a new order (the first matching rule wins per target). The list must name every
   * rule exactly once; a list made before another admin added or deleted a rule gets 409.
   */
  async reorderRules(ruleIds: readonly string[]): Promise<RoutingRuleView[]> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    await manager.query('SELECT id FROM inbox_routing_rules WHERE organization_id = $1 FOR UPDATE', [organizationId]);
    const current = await this.rules.all();
    const known = new Set(current.map((r) => r.id));
    if (new Set(ruleIds).size !== ruleIds.length || ruleIds.length !== known.size || ruleIds.some((id) => !known.has(id))) {
      throw ProblemException.conflict('Die Regeln wurden inzwischen geändert. Bitte die Seite neu laden.');
    }
    for (const [index, id] of ruleIds.entries()) {
      const rule = current.find((r) => r.id === id);
      if (rule && rule.position !== index + 1) {
        await manager.update(InboxRoutingRuleEntity, { id, organizationId }, { position: index + 1, version: () => 'version + 1' });
      }
    }
    await this.audit.recordInOrganization({ action: 'inbox.routing_rules_reordered', objectType: 'inbox_routing_rule', details: { ruleIds } });
    return this.listRules();
  }

  async deleteRule(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    const result = await RequestScope.manager().delete(InboxRoutingRuleEntity, { id, organizationId });
    if (!result.affected) throw ProblemException.notFound('Diese Regel gibt es nicht.');
    await this.audit.recordInOrganization({ action: 'inbox.routing_rule_deleted', objectType: 'inbox_routing_rule', objectId: id, details: {} });
  }
}

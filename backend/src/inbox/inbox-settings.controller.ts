import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InboxDashboardView, InboxSettingsView, ReorderRoutingRulesRequest, RoutingRuleInput, RoutingRuleView, UpdateInboxSettingsRequest } from '@amtsplan/contracts';
import { z } from 'zod';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { InboxDashboardService } from './inbox-dashboard.service';
import { InboxSettingsService } from './inbox-settings.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);
const UpdateRoutingRuleRequest = z.intersection(RoutingRuleInput, z.object({ version: z.number().int().min(1) }));
type ParsedRule = Parameters<InboxSettingsService['createRule']>[0];

/** Settings, routing rules and figures of the Posteingang. */
@ApiTags('inbox')
@Controller('orgs/:orgId/inbox')
export class InboxSettingsController {
  constructor(
    private readonly settings: InboxSettingsService,
    private readonly dashboard: InboxDashboardService,
  ) {}

  @Get('settings')
  @RequirePermission('inbox.read')
  get(): Promise<InboxSettingsView> {
    return this.settings.get();
  }

  @Put('settings')
  @RequirePermission('inbox.manage')
  @BodySchema(UpdateInboxSettingsRequest)
  update(@ValidBody(UpdateInboxSettingsRequest) body: UpdateInboxSettingsRequest): Promise<InboxSettingsView> {
    return this.settings.update(body);
  }

  @Get('routing-rules')
  @RequirePermission('inbox.work')
  rules(): Promise<RoutingRuleView[]> {
    return this.settings.listRules();
  }

  @Post('routing-rules')
  @RequirePermission('inbox.manage')
  @BodySchema(RoutingRuleInput)
  createRule(@ValidBody(RoutingRuleInput) body: RoutingRuleInput): Promise<RoutingRuleView> {
    return this.settings.createRule(body as ParsedRule);
  }

  @Put('routing-rules/order')
  @RequirePermission('inbox.manage')
  @BodySchema(ReorderRoutingRulesRequest)
  reorderRules(@ValidBody(ReorderRoutingRulesRequest) body: ReorderRoutingRulesRequest): Promise<RoutingRuleView[]> {
    return this.settings.reorderRules(body.ruleIds);
  }

  @Put('routing-rules/:ruleId')
  @RequirePermission('inbox.manage')
  @BodySchema(UpdateRoutingRuleRequest)
  updateRule(@Param('ruleId', id) ruleId: string, @ValidBody(UpdateRoutingRuleRequest) body: z.infer<typeof UpdateRoutingRuleRequest>): Promise<RoutingRuleView> {
    return this.settings.updateRule(ruleId, body as ParsedRule & { version: number });
  }

  @Delete('routing-rules/:ruleId')
  @HttpCode(204)
  @RequirePermission('inbox.manage')
  deleteRule(@Param('ruleId', id) ruleId: string): Promise<void> {
    return this.settings.deleteRule(ruleId);
  }

  @Get('dashboard')
  @RequirePermission('inbox.work')
  figures(): Promise<InboxDashboardView> {
    return this.dashboard.view();
  }
}

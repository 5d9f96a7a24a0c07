import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { APPROVAL_CONTROLLERS, ApprovalsModule } from '../approvals/approvals.module';
import { AuditController } from '../audit/audit.controller';
import { AuditEventRepository } from '../audit/audit-event.repository';
import { AuthController } from '../auth/auth.controller';
import { AuthService } from '../auth/auth.service';
import { LoginThrottle } from '../auth/login-throttle';
import { SessionGuard } from '../auth/session.guard';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { HealthController } from '../health/health.controller';
import { ProblemFilter } from '../http/problem.filter';
import { InvitationAcceptance } from '../invitations/invitation-acceptance';
import { InvitationIssuer } from '../invitations/invitation-issuer';
import { InvitationAcceptanceController } from '../invitations/invitation-acceptance.controller';
import { InvitationLinks } from '../invitations/invitation-links';
import { InvitationsController } from '../invitations/invitations.controller';
import { InvitationsService } from '../invitations/invitations.service';
import { MembersController } from '../members/members.controller';
import { MembersService } from '../members/members.service';
import { NOTIFICATION_CONTROLLERS, NotificationsModule } from '../notifications/notifications.module';
import { OperatorController } from '../operator/operator.controller';
import { OperatorService } from '../operator/operator.service';
import { OrganizationsController } from '../organizations/organizations.controller';
import { PUBLISHING_CONTROLLERS, PublishingModule } from '../publishing/publishing.module';
import { ReadCacheModule } from '../read-cache/read-cache.module';
import { OrganizationScopeInterceptor } from '../tenancy/organization-scope.interceptor';
import { EDITORIAL_PLAN_CONTROLLERS, EditorialPlanModule } from '../editorial-plan/editorial-plan.module';
import { PLAN_EXCHANGE_CONTROLLERS, PlanExchangeModule } from '../plan-exchange/plan-exchange.module';
import { PROGRAM_CONTROLLERS, ProgramModule } from '../program/program.module';
import { TEXT_BLOCK_CONTROLLERS, TextBlocksModule } from '../text-blocks/text-blocks.module';
import { CRISIS_CONTROLLERS, CrisisModule } from '../crisis/crisis.module';
import { INBOX_CONTROLLERS, InboxModule } from '../inbox/inbox.module';
import { CoreModule } from './core.module';
import { StructuredLogging } from './logger';

const FOUNDATION_CONTROLLERS = [
  HealthController,
  AuthController,
  OrganizationsController,
  MembersController,
  InvitationsController,
  InvitationAcceptanceController,
  AuditController,
  OperatorController,
];

/** Every controller of the api; the tenant matrix test walks all their routes. */
export const API_CONTROLLERS = [...FOUNDATION_CONTROLLERS, ...EDITORIAL_PLAN_CONTROLLERS, ...PLAN_EXCHANGE_CONTROLLERS, ...APPROVAL_CONTROLLERS, ...NOTIFICATION_CONTROLLERS, ...PUBLISHING_CONTROLLERS, ...PROGRAM_CONTROLLERS, ...TEXT_BLOCK_CONTROLLERS, ...CRISIS_CONTROLLERS, ...INBOX_CONTROLLERS];

/** The HTTP entry point's module: controllers, the session guard and the organization scope. */
@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), StructuredLogging, CoreModule, ReadCacheModule, EditorialPlanModule, PlanExchangeModule, ApprovalsModule, NotificationsModule, PublishingModule, ProgramModule, TextBlocksModule, CrisisModule, InboxModule],
      // Feature modules (EditorialPlanModule, PlanExchangeModule) register their own controllers.
      controllers: FOUNDATION_CONTROLLERS,
      providers: [
        AuthService,
        LoginThrottle,
        MembersService,
        InvitationsService,
        InvitationLinks,
        InvitationIssuer,
        InvitationAcceptance,
        OperatorService,
        AuditEventRepository,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_INTERCEPTOR, useClass: OrganizationScopeInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}

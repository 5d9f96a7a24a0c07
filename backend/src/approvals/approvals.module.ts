import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { EditorialPlanModule } from '../editorial-plan/editorial-plan.module';
import { PostRepository } from '../posts/post.repository';
import { ApprovalDecisionsService } from './approval-decisions.service';
import { ApprovalInboxService } from './approval-inbox.service';
import { ApprovalProtocolController } from './approval-protocol.controller';
import { ApprovalProtocolRepository } from './approval-protocol.repository';
import { ApprovalProtocolService } from './approval-protocol.service';
import { ApprovalRequestReading } from './approval-request-reading.service';
import { ApprovalRequestsController } from './approval-requests.controller';
import { ApprovalRouteRepository } from './approval-route.repository';
import { ApprovalRoutesController } from './approval-routes.controller';
import { ApprovalRoutesService } from './approval-routes.service';
import { ApprovalSettingsController } from './approval-settings.controller';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { ApprovalSettingsService } from './approval-settings.service';
import { ApprovalSubmissionService } from './approval-submission.service';
import { ApprovalViews } from './approval-views';
import { ApprovalVoidingModule } from './approval-voiding.module';
import { PostApprovalController } from './post-approval.controller';
import { PostWorkflowStatus } from './post-workflow-status';
import { PublishJobs } from '../publishing/publish-jobs';
import { PublishScheduling } from '../publishing/publish-scheduling';

export const APPROVAL_CONTROLLERS = [ApprovalRoutesController, ApprovalSettingsController, PostApprovalController, ApprovalRequestsController, ApprovalProtocolController];

/** Freigabe: routes, settings, submission, decisions and the inbox. */
@Module({
  imports: [CoreModule, EditorialPlanModule, ApprovalVoidingModule],
  controllers: APPROVAL_CONTROLLERS,
  providers: [
    // Stateless; the Redaktionsplan keeps its own instance and does not export it.
    PostRepository,
    ApprovalRouteRepository,
    ApprovalRoutesService,
    ApprovalSettingsRepository,
    ApprovalSettingsService,
    ApprovalViews,
    PostWorkflowStatus,
    ApprovalSubmissionService,
    ApprovalDecisionsService,
    ApprovalInboxService,
    ApprovalProtocolRepository,
    ApprovalProtocolService,
    ApprovalRequestReading,
    // Approved with a time → scheduled, with its publishing job.
    PublishJobs,
    PublishScheduling,
  ],
})
export class ApprovalsModule {}

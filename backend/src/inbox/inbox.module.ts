import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { ApprovalVoidingModule } from '../approvals/approval-voiding.module';
import { MastodonAdapter } from '../publishing/adapters/mastodon-adapter';
import { ChannelSecrets } from '../publishing/channel-secrets';
import { CrisisDetectionJobs } from '../crisis/crisis-detection-jobs';
import { HoldingStatementUse } from '../crisis/holding-statements';
import { IncidentRepository } from '../crisis/incident.repository';
import { RemindersModule } from '../reminders/reminders.module';
import { InboxArrival, InboxCaptureService } from './inbox-capture.service';
import { InboxResponseReminderJobs } from './inbox-response-reminder-jobs';
import { InboxDashboardService } from './inbox-dashboard.service';
import { InboxEvidenceController } from './inbox-evidence.controller';
import { InboxEvidenceService } from './inbox-evidence.service';
import { InboxHistory } from './inbox-history';
import { InboxImportService } from './inbox-import.service';
import { InboxItemRepository } from './inbox-item.repository';
import { InboxList } from './inbox-list';
import { InboxItemsController } from './inbox-items.controller';
import { InboxReplyApproval } from './inbox-reply-approval';
import { InboxReplyService } from './inbox-reply.service';
import { InboxRoutingRuleRepository } from './inbox-routing-rule.repository';
import { InboxSettingsController } from './inbox-settings.controller';
import { InboxSettingsRepository } from './inbox-settings.repository';
import { InboxSettingsService } from './inbox-settings.service';
import { InboxViews } from './inbox-views';
import { InboxWorkflowService } from './inbox-workflow.service';

export const INBOX_CONTROLLERS = [InboxItemsController, InboxEvidenceController, InboxSettingsController];

/** Posteingang (Community-Management): the api side. */
@Module({
  imports: [CoreModule, RemindersModule, ApprovalVoidingModule],
  controllers: INBOX_CONTROLLERS,
  providers: [
    // The Krisenmodus' hooks: detection on arrival, the timeline entry for a holding statement sent as a reply.
    CrisisDetectionJobs,
    HoldingStatementUse,
    IncidentRepository,
    InboxItemRepository,
    InboxList,
    InboxRoutingRuleRepository,
    InboxSettingsRepository,
    InboxHistory,
    InboxViews,
    InboxArrival,
    InboxResponseReminderJobs,
    InboxCaptureService,
    InboxImportService,
    InboxWorkflowService,
    InboxReplyService,
    // Replies on sensitive categories are a subject of the Freigabe (decision 0020).
    InboxReplyApproval,
    InboxEvidenceService,
    InboxSettingsService,
    InboxDashboardService,
    // Replies on Mastodon go out through the publisher's adapter with the channel's token.
    MastodonAdapter,
    ChannelSecrets,
  ],
})
export class InboxModule {}

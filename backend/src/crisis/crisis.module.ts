import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { ApprovalSettingsRepository } from '../approvals/approval-settings.repository';
import { ApprovalViews } from '../approvals/approval-views';
import { ApprovalVoidingModule } from '../approvals/approval-voiding.module';
import { EditorialPlanModule } from '../editorial-plan/editorial-plan.module';
import { NotifierModule } from '../notifications/notifier.module';
import { RemindersModule } from '../reminders/reminders.module';
import { PublishJobs } from '../publishing/publish-jobs';
import { CommunicationStopService } from './communication-stop.service';
import { CrisisAlerts } from './crisis-alerts';
import { CrisisDetectionsController } from './crisis-detections.controller';
import { CrisisDetectionsService } from './crisis-detections.service';
import { CrisisStatusService } from './crisis-status.service';
import { HoldingStatements } from './holding-statements';
import { IncidentRepository } from './incident.repository';
import { IncidentReportService } from './incident-report.service';
import { CrisisStatusController, IncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';
import { PlaybookApproval } from './playbook-approval';
import { PlaybookReviewReminderJobs } from './playbook-review-reminder-jobs';
import { PlaybookRepository } from './playbook.repository';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksService } from './playbooks.service';

export const CRISIS_CONTROLLERS = [PlaybooksController, IncidentsController, CrisisStatusController, CrisisDetectionsController];

/** Krisen-Playbooks and Krisenmodus (docs/crisis.md). Playbook versions are signed off through the Freigabe: PlaybookApproval registers them as an approval subject. */
@Module({
  imports: [CoreModule, EditorialPlanModule, NotifierModule, ApprovalVoidingModule, RemindersModule],
  controllers: CRISIS_CONTROLLERS,
  providers: [
    PlaybookRepository,
    PlaybooksService,
    PlaybookApproval,
    PlaybookReviewReminderJobs,
    IncidentRepository,
    IncidentsService,
    CrisisAlerts,
    CommunicationStopService,
    IncidentReportService,
    CrisisStatusService,
    CrisisDetectionsService,
    HoldingStatements,
    PublishJobs,
    // Stateless; the approvals module keeps its own instances.
    ApprovalSettingsRepository,
    ApprovalViews,
  ],
})
export class CrisisModule {}

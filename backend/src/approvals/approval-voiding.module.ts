import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { MediaStorage } from '../media/media-storage';
import { NotifierModule } from '../notifications/notifier.module';
import { RemindersModule } from '../reminders/reminders.module';
import { ApprovalContentReader } from './approval-content-reader';
import { ApprovalNotices } from './approval-notices';
import { ApprovalReminderJobs } from './approval-reminder-jobs';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalOpening } from './approval-opening';
import { ApprovalRouteRepository } from './approval-route.repository';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { ApprovalSubjects } from './approval-subject';
import { ApprovalVoiding } from './approval-voiding';

/**
 * What the Redaktionsplan needs from the approvals: voiding an approval when a post's content
 * changes (telling the people concerned, removing the step's reminder jobs). Kept apart from ApprovalsModule, which builds on the Redaktionsplan's posts.
 */
@Module({
  imports: [CoreModule, NotifierModule, RemindersModule],
  providers: [
    MediaStorage,
    ApprovalContentReader,
    ApprovalRequestRepository,
    ApprovalNotices,
    ApprovalReminderJobs,
    ApprovalVoiding,
    ApprovalRouteRepository,
    ApprovalSettingsRepository,
    ApprovalSubjects,
    ApprovalOpening,
  ],
  // The notices and reminder jobs serve submission and decisions (ApprovalsModule) too; the
  // subject registry and ApprovalOpening serve the other things that are approved (text blocks).
  exports: [ApprovalContentReader, ApprovalRequestRepository, ApprovalNotices, ApprovalReminderJobs, ApprovalVoiding, ApprovalSubjects, ApprovalOpening],
})
export class ApprovalVoidingModule {}

import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { MediaStorage } from '../media/media-storage';
import { NotifierModule } from '../notifications/notifier.module';
import { ApprovalContentReader } from './approval-content-reader';
import { ApprovalNotices } from './approval-notices';
import { ApprovalReminderJobs } from './approval-reminder-jobs';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalVoiding } from './approval-voiding';

/**
 * What the Redaktionsplan needs from the approvals: voiding an approval when a post's content
 * changes (telling the people concerned, removing the step's reminder jobs). Kept apart from ApprovalsModule, which builds on the Redaktionsplan's posts.
 */
@Module({
  imports: [CoreModule, NotifierModule],
  providers: [MediaStorage, ApprovalContentReader, ApprovalRequestRepository, ApprovalNotices, ApprovalReminderJobs, ApprovalVoiding],
  // The notices and reminder jobs serve submission and decisions (ApprovalsModule) too.
  exports: [ApprovalContentReader, ApprovalRequestRepository, ApprovalNotices, ApprovalReminderJobs, ApprovalVoiding],
})
export class ApprovalVoidingModule {}

import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { MediaStorage } from '../media/media-storage';
import { ApprovalContentReader } from './approval-content-reader';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalVoiding } from './approval-voiding';

/**
 * What the Redaktionsplan needs from the approvals: voiding an approval when a post's content
 * changes. Kept apart from ApprovalsModule, which builds on the Redaktionsplan's posts.
 */
@Module({
  imports: [CoreModule],
  providers: [MediaStorage, ApprovalContentReader, ApprovalRequestRepository, ApprovalVoiding],
  exports: [ApprovalContentReader, ApprovalRequestRepository, ApprovalVoiding],
})
export class ApprovalVoidingModule {}

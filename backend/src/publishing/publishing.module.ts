import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { ApprovalVoidingModule } from '../approvals/approval-voiding.module';
import { ChannelCredentialsController } from './channel-credentials.controller';
import { ChannelCredentialsService } from './channel-credentials.service';
import { ChannelSecrets } from './channel-secrets';
import { PostPublicationStatus } from './post-publication-status';
import { PublishJobs } from './publish-jobs';
import { PublicationsController } from './publications.controller';
import { PublicationsRequeue } from './publications-requeue';
import { PublicationsService } from './publications.service';

export const PUBLISHING_CONTROLLERS = [PublicationsController, ChannelCredentialsController];

/** The api side of publishing: publications per post and channel, and channel credentials. */
@Module({
  imports: [CoreModule, ApprovalVoidingModule],
  controllers: PUBLISHING_CONTROLLERS,
  providers: [ChannelSecrets, ChannelCredentialsService, PostPublicationStatus, PublicationsService, PublicationsRequeue, PublishJobs],
})
export class PublishingModule {}

import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { ApprovalContentReader } from '../approvals/approval-content-reader';
import { MediaStorage } from '../media/media-storage';
import { NotifierModule } from '../notifications/notifier.module';
import { ManualAdapter } from './adapters/manual-adapter';
import { MastodonAdapter } from './adapters/mastodon-adapter';
import { ApprovedContent } from './approved-content';
import { ChannelSecrets } from './channel-secrets';
import { PostPublicationStatus } from './post-publication-status';
import { Publisher } from './publisher';
import { PublishingAlerts } from './publishing-alerts';
import { PublishPostHandler, PublishingSweepHandler } from './publishing-handlers';
import { PublishingSchedule } from './publishing.schedule';
import { PublishingSweep } from './publishing-sweep';
import { PublishJobs } from './publish-jobs';
import { PublishReconciliation } from './publish-reconciliation';

export const PUBLISHING_HANDLERS = [PublishPostHandler, PublishingSweepHandler];

/** The worker side of publishing: the publisher, its adapters, the sweep and the reconciliation. */
@Module({
  imports: [CoreModule, NotifierModule],
  providers: [
    MediaStorage,
    ApprovalContentReader,
    ApprovedContent,
    ChannelSecrets,
    MastodonAdapter,
    ManualAdapter,
    PostPublicationStatus,
    PublishingAlerts,
    PublishJobs,
    Publisher,
    PublishReconciliation,
    PublishingSweep,
    PublishingSchedule,
    ...PUBLISHING_HANDLERS,
  ],
  exports: [...PUBLISHING_HANDLERS, Publisher, PublishingSweep, PublishReconciliation],
})
export class PublishingWorkerModule {}

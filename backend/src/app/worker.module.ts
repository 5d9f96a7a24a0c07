import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { APPROVAL_REMINDER_HANDLERS, ApprovalRemindersWorkerModule } from '../approvals/approval-reminders-worker.module';
import { ConfigModule } from '../config/config.module';
import { MaintenanceSchedule } from '../maintenance/maintenance.schedule';
import { SessionPurgeHandler } from '../maintenance/session-purge.handler';
import { InvitationMailHandler } from '../notifications/invitation-mail.handler';
import { Mailer } from '../notifications/mailer';
import { NotificationMailSweepHandler } from '../notifications/notification-mail-sweep.handler';
import { NotificationMailHandler } from '../notifications/notification-mail.handler';
import { NotificationMailSchedule } from '../notifications/notification-mail.schedule';
import { NotifierModule } from '../notifications/notifier.module';
import { PUBLISHING_HANDLERS, PublishingWorkerModule } from '../publishing/publishing-worker.module';
import { JOB_HANDLERS, QueueWorkers } from '../queues/queue-workers';
import { TEXT_BLOCK_REMINDER_HANDLERS, TextBlockRemindersWorkerModule } from '../text-blocks/text-block-reminders-worker.module';
import { INBOX_HANDLERS, InboxWorkerModule } from '../inbox/inbox-worker.module';
import { CRISIS_DETECTION_HANDLERS, CrisisDetectionWorkerModule } from '../crisis/crisis-detection-worker.module';
import { MASTODON_POLLING_HANDLERS, MastodonPollingWorkerModule } from '../inbox/mastodon-polling/mastodon-polling-worker.module';
import { PLAYBOOK_REVIEW_REMINDER_HANDLERS, PlaybookReviewRemindersWorkerModule } from '../crisis/playbook-review-reminders-worker.module';
import { CoreModule } from './core.module';
import { StructuredLogging } from './logger';

const HANDLERS = [InvitationMailHandler, SessionPurgeHandler, NotificationMailHandler, NotificationMailSweepHandler];

/** The worker entry point's module: queue processors and scheduled sweeps, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig, options: { schedules?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), StructuredLogging, CoreModule, NotifierModule, PublishingWorkerModule, ApprovalRemindersWorkerModule, TextBlockRemindersWorkerModule, InboxWorkerModule, CrisisDetectionWorkerModule, MastodonPollingWorkerModule, PlaybookReviewRemindersWorkerModule, ...(options.schedules === false ? [] : [ScheduleModule.forRoot()])],
      providers: [
        Mailer,
        ...HANDLERS,
        // Feature modules (PublishingWorkerModule, ApprovalRemindersWorkerModule) provide and export their own handlers.
        { provide: JOB_HANDLERS, useFactory: (...handlers: unknown[]) => handlers, inject: [...HANDLERS, ...PUBLISHING_HANDLERS, ...APPROVAL_REMINDER_HANDLERS, ...TEXT_BLOCK_REMINDER_HANDLERS, ...INBOX_HANDLERS, ...CRISIS_DETECTION_HANDLERS, ...MASTODON_POLLING_HANDLERS, ...PLAYBOOK_REVIEW_REMINDER_HANDLERS] },
        QueueWorkers,
        MaintenanceSchedule,
        NotificationMailSchedule,
      ],
    };
  }
}

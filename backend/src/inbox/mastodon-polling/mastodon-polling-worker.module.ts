import { Module } from '@nestjs/common';
import { CoreModule } from '../../app/core.module';
import { CrisisDetectionJobs } from '../../crisis/crisis-detection-jobs';
import { ChannelSecrets } from '../../publishing/channel-secrets';
import { RemindersModule } from '../../reminders/reminders.module';
import { InboxArrival } from '../inbox-capture.service';
import { InboxHistory } from '../inbox-history';
import { InboxResponseReminderJobs } from '../inbox-response-reminder-jobs';
import { InboxRoutingRuleRepository } from '../inbox-routing-rule.repository';
import { InboxSettingsRepository } from '../inbox-settings.repository';
import { MastodonNotificationsClient } from './mastodon-notifications-client';
import { MastodonNotificationsPollHandler, MastodonPoll } from './mastodon-poll';
import { MastodonPollingReconcileHandler, MastodonPollingReconciliation, MastodonPollingSchedule } from './mastodon-polling-reconciliation';

export const MASTODON_POLLING_HANDLERS = [MastodonNotificationsPollHandler, MastodonPollingReconcileHandler];

/** The worker side of the Mastodon poll: a repeatable job per channel and its reconciliation. */
@Module({
  imports: [CoreModule, RemindersModule],
  providers: [
    ChannelSecrets,
    MastodonNotificationsClient,
    MastodonPoll,
    MastodonPollingReconciliation,
    MastodonPollingSchedule,
    // The inbox's arrival path, as manual capture uses it.
    InboxArrival,
    InboxHistory,
    InboxRoutingRuleRepository,
    InboxSettingsRepository,
    InboxResponseReminderJobs,
    // Polled mentions count for the shitstorm detection like captured ones.
    CrisisDetectionJobs,
    ...MASTODON_POLLING_HANDLERS,
  ],
  exports: [...MASTODON_POLLING_HANDLERS, MastodonPoll, MastodonPollingReconciliation],
})
export class MastodonPollingWorkerModule {}

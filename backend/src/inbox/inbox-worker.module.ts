import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { NotifierModule } from '../notifications/notifier.module';
import { RemindersModule } from '../reminders/reminders.module';
import { InboxResponseReminderHandler } from './inbox-response-reminder.handler';
import { InboxResponseReminderSweep, InboxResponseReminderSweepHandler, InboxResponseRemindersSchedule } from './inbox-response-reminder-sweep';
import { InboxRetention, InboxRetentionHandler, InboxRetentionSchedule } from './inbox-retention';

export const INBOX_HANDLERS = [InboxRetentionHandler, InboxResponseReminderHandler, InboxResponseReminderSweepHandler];

/** The worker side of the Posteingang: the daily retention run and the response clock's reminders. */
@Module({
  imports: [CoreModule, NotifierModule, RemindersModule],
  providers: [InboxRetention, InboxRetentionSchedule, InboxResponseReminderSweep, InboxResponseRemindersSchedule, ...INBOX_HANDLERS],
  exports: [...INBOX_HANDLERS, InboxRetention, InboxResponseReminderSweep],
})
export class InboxWorkerModule {}

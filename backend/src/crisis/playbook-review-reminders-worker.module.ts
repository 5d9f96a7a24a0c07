import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { NotifierModule } from '../notifications/notifier.module';
import { RemindersModule } from '../reminders/reminders.module';
import { PlaybookReviewReminderHandler } from './playbook-review-reminder.handler';
import { PlaybookReviewReminderSweep, PlaybookReviewReminderSweepHandler, PlaybookReviewRemindersSchedule } from './playbook-review-reminder-sweep';

export const PLAYBOOK_REVIEW_REMINDER_HANDLERS = [PlaybookReviewReminderHandler, PlaybookReviewReminderSweepHandler];

/** The worker side of the playbooks: the owner's review reminders and their sweep. */
@Module({
  imports: [CoreModule, NotifierModule, RemindersModule],
  providers: [PlaybookReviewReminderSweep, PlaybookReviewRemindersSchedule, ...PLAYBOOK_REVIEW_REMINDER_HANDLERS],
  exports: [...PLAYBOOK_REVIEW_REMINDER_HANDLERS, PlaybookReviewReminderSweep],
})
export class PlaybookReviewRemindersWorkerModule {}

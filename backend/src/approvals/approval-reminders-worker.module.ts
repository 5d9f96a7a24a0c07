import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { NotifierModule } from '../notifications/notifier.module';
import { RemindersModule } from '../reminders/reminders.module';
import { ApprovalReminderHandler } from './approval-reminder.handler';
import { ApprovalReminderJobs } from './approval-reminder-jobs';
import { ApprovalReminderSweep, ApprovalReminderSweepHandler } from './approval-reminder-sweep';
import { ApprovalRemindersSchedule } from './approval-reminders.schedule';

export const APPROVAL_REMINDER_HANDLERS = [ApprovalReminderHandler, ApprovalReminderSweepHandler];

/** The worker side of the Freigabe: reminders and escalations of open steps, and their sweep. */
@Module({
  imports: [CoreModule, NotifierModule, RemindersModule],
  providers: [ApprovalReminderJobs, ApprovalReminderSweep, ApprovalRemindersSchedule, ...APPROVAL_REMINDER_HANDLERS],
  exports: [...APPROVAL_REMINDER_HANDLERS, ApprovalReminderSweep],
})
export class ApprovalRemindersWorkerModule {}

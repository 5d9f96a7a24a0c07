import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { NotifierModule } from '../notifications/notifier.module';
import { RemindersModule } from '../reminders/reminders.module';
import { TextBlockReminderHandler } from './text-block-reminder.handler';
import { TextBlockReminderSweep, TextBlockReminderSweepHandler, TextBlockRemindersSchedule } from './text-block-reminder-sweep';

export const TEXT_BLOCK_REMINDER_HANDLERS = [TextBlockReminderHandler, TextBlockReminderSweepHandler];

/** The worker side of the text blocks: the owner's reminders and their sweep. */
@Module({
  imports: [CoreModule, NotifierModule, RemindersModule],
  providers: [TextBlockReminderSweep, TextBlockRemindersSchedule, ...TEXT_BLOCK_REMINDER_HANDLERS],
  exports: [...TEXT_BLOCK_REMINDER_HANDLERS, TextBlockReminderSweep],
})
export class TextBlockRemindersWorkerModule {}

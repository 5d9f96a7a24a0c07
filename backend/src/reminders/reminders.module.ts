import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { DatedReminderJobs } from './dated-reminder-jobs';
import { ReminderSweeps } from './reminder-sweeps';

/** Dated reminders as delayed jobs, and their sweep; used by text blocks, the inbox and playbooks. */
@Module({
  imports: [CoreModule],
  providers: [DatedReminderJobs, ReminderSweeps],
  exports: [DatedReminderJobs, ReminderSweeps],
})
export class RemindersModule {}

import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { InboxRetention, InboxRetentionHandler, InboxRetentionSchedule } from './inbox-retention';

export const INBOX_HANDLERS = [InboxRetentionHandler];

/** The worker side of the Posteingang: the daily retention run. */
@Module({
  imports: [CoreModule],
  providers: [InboxRetention, InboxRetentionSchedule, ...INBOX_HANDLERS],
  exports: [...INBOX_HANDLERS, InboxRetention],
})
export class InboxWorkerModule {}

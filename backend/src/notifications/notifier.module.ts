import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { NotificationPreferenceRepository } from './notification-preference.repository';
import { NotificationRepository } from './notification.repository';
import { Notifier } from './notifier';

const PROVIDERS = [Notifier, NotificationRepository, NotificationPreferenceRepository];

/**
 * What every part that reports something needs: the Notifier (api and worker alike), and the
 * repositories the worker's mail handlers read.
 */
@Module({
  imports: [CoreModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class NotifierModule {}

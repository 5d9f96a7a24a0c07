import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { ReadCacheModule } from '../read-cache/read-cache.module';
import { NotificationInbox } from './notification-inbox';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationStreams } from './notification-streams';
import { NotificationsController } from './notifications.controller';
import { NotifierModule } from './notifier.module';

export const NOTIFICATION_CONTROLLERS = [NotificationsController, NotificationPreferencesController];

/** The api side: the bell's endpoints, the e-mail switches and the live stream. */
@Module({
  imports: [CoreModule, ReadCacheModule, NotifierModule],
  controllers: NOTIFICATION_CONTROLLERS,
  providers: [NotificationInbox, NotificationPreferencesService, NotificationStreams],
  exports: [NotifierModule],
})
export class NotificationsModule {}

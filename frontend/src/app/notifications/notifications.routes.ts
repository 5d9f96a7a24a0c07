import type { Routes } from '@angular/router';
import { NotificationSettingsPage } from './notification-settings-page';

export const notificationRoutes: Routes = [{ path: '', component: NotificationSettingsPage }];

import type { Routes } from '@angular/router';
import { requirePermission } from '../auth/auth.guards';
import { pageTitle } from '../shared/routing/page-title';
import { COMMUNITY_DASHBOARD_PATH, COMMUNITY_SETTINGS_PATH } from './community-paths';
import { InboxDashboardPage } from './inbox-dashboard-page';
import { InboxPage } from './inbox-page';
import { InboxSettingsPage } from './inbox-settings-page';

export const communityRoutes: Routes = [
  { path: '', component: InboxPage },
  { path: COMMUNITY_DASHBOARD_PATH, title: pageTitle('community.dashboard.heading'), component: InboxDashboardPage },
  {
    path: COMMUNITY_SETTINGS_PATH,
    title: pageTitle('community.settings.heading'),
    canActivate: [requirePermission('inbox.manage', COMMUNITY_DASHBOARD_PATH)],
    component: InboxSettingsPage,
  },
];

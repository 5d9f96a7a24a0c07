import type { Routes } from '@angular/router';
import { requirePermission } from '../auth/auth.guards';
import { pageTitle } from '../shared/routing/page-title';
import { AUDIT_PATH, CALENDAR_FEEDS_PATH, CHANNELS_PATH, MEMBERS_PATH, SERIES_PATH, TOPICS_PATH } from '../shared/routing/paths';
import { APPROVAL_ROUTES_PATH } from './approval-routes/approval-routes-paths';
import { SettingsLayout } from './settings-layout';

export const settingsRoutes: Routes = [
  {
    path: '',
    component: SettingsLayout,
    children: [
      { path: '', pathMatch: 'full', redirectTo: MEMBERS_PATH },
      {
        path: MEMBERS_PATH,
        title: pageTitle('title.members'),
        loadChildren: () => import('./members/members.routes').then((m) => m.membersRoutes),
      },
      {
        path: CHANNELS_PATH,
        title: pageTitle('channels.title'),
        loadChildren: () => import('./channels/channels.routes').then((m) => m.channelsRoutes),
      },
      {
        path: TOPICS_PATH,
        title: pageTitle('topics.title'),
        loadChildren: () => import('./topics/topics.routes').then((m) => m.topicsRoutes),
      },
      {
        path: SERIES_PATH,
        title: pageTitle('series.title'),
        loadChildren: () => import('./series/series.routes').then((m) => m.seriesRoutes),
      },
      {
        path: APPROVAL_ROUTES_PATH,
        title: pageTitle('approvalRoutes.title'),
        loadChildren: () => import('./approval-routes/approval-routes.routes').then((m) => m.approvalRoutesRoutes),
      },
      {
        path: CALENDAR_FEEDS_PATH,
        title: pageTitle('title.calendarFeeds'),
        loadChildren: () => import('../plan-exchange/calendar-feeds.routes').then((m) => m.calendarFeedsRoutes),
      },
      {
        path: AUDIT_PATH,
        title: pageTitle('title.audit'),
        canActivate: [requirePermission('audit.read', MEMBERS_PATH)],
        loadChildren: () => import('./audit/audit.routes').then((m) => m.auditRoutes),
      },
    ],
  },
];

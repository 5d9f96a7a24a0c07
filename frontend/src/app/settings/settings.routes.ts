import type { Routes } from '@angular/router';
import { requirePermission } from '../auth/auth.guards';
import { pageTitle } from '../shared/routing/page-title';
import { AUDIT_PATH, MEMBERS_PATH } from '../shared/routing/paths';
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
        path: AUDIT_PATH,
        title: pageTitle('title.audit'),
        canActivate: [requirePermission('audit.read', MEMBERS_PATH)],
        loadChildren: () => import('./audit/audit.routes').then((m) => m.auditRoutes),
      },
    ],
  },
];

import type { Routes } from '@angular/router';
import { knowSession, redirectWhenSignedIn, requireMembership, requireOperator, requireSession, toLanding } from './auth/auth.guards';
import { startPlanReads } from './plan/plan-start';
import { FACILITATION_PATH } from './program/facilitation/facilitation-paths';
import { pageTitle } from './shared/routing/page-title';
import {
  INVITATION_PATH,
  LOGIN_PATH,
  NO_ORGANIZATION_PATH,
  NOTIFICATIONS_PATH,
  OPERATIONS_PATH,
  ORGANIZATION_PATH,
} from './shared/routing/paths';

export const appRoutes: Routes = [
  {
    path: LOGIN_PATH,
    canActivate: [redirectWhenSignedIn],
    loadChildren: () => import('./auth/auth.routes').then((m) => m.authRoutes),
  },
  {
    path: `${INVITATION_PATH}/:token`,
    canActivate: [knowSession],
    loadChildren: () => import('./invitations/invitations.routes').then((m) => m.invitationRoutes),
  },
  {
    path: '',
    canActivate: [requireSession],
    loadComponent: () => import('./shell/app-shell').then((m) => m.AppShell),
    children: [
      { path: '', pathMatch: 'full', canActivate: [toLanding], children: [] },
      {
        path: `${ORGANIZATION_PATH}/:orgId`,
        canMatch: [startPlanReads],
        canActivate: [requireMembership],
        loadChildren: () => import('./shell/organization.routes').then((m) => m.organizationRoutes),
      },
      {
        path: OPERATIONS_PATH,
        canActivate: [requireOperator],
        loadChildren: () => import('./operations/operations.routes').then((m) => m.operationsRoutes),
      },
      {
        // The Programmleitung belongs to no authority; the API refuses everyone without the grant.
        path: FACILITATION_PATH,
        loadChildren: () => import('./program/facilitation/facilitation.routes').then((m) => m.facilitationRoutes),
      },
      {
        path: NOTIFICATIONS_PATH,
        title: pageTitle('notifications.title'),
        loadChildren: () => import('./notifications/notifications.routes').then((m) => m.notificationRoutes),
      },
      {
        path: NO_ORGANIZATION_PATH,
        title: pageTitle('title.noOrganization'),
        loadComponent: () => import('./shell/no-organization-page').then((m) => m.NoOrganizationPage),
      },
      {
        path: '**',
        title: pageTitle('title.notFound'),
        loadComponent: () => import('./shell/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];

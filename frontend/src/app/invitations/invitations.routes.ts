import type { Routes } from '@angular/router';
import { pageTitle } from '../shared/routing/page-title';
import { AcceptInvitationPage } from './accept-invitation-page';

export const invitationRoutes: Routes = [
  { path: '', title: pageTitle('title.invitation'), component: AcceptInvitationPage },
];

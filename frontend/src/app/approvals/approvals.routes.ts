import type { Routes } from '@angular/router';
import { pageTitle } from '../shared/routing/page-title';
import { ApprovalDecisionPage } from './approval-decision-page';
import { ApprovalsInboxPage } from './approvals-inbox-page';

export const approvalsRoutes: Routes = [
  { path: '', component: ApprovalsInboxPage },
  { path: ':requestId', title: pageTitle('approvals.request.title'), component: ApprovalDecisionPage },
];

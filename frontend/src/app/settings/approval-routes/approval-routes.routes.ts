import type { Routes } from '@angular/router';
import { ApprovalRoutesPage } from './approval-routes-page';

export const approvalRoutesRoutes: Routes = [{ path: '', component: ApprovalRoutesPage }];

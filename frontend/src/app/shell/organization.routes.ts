import type { Routes } from '@angular/router';
import { ORGANIZATION_AREAS } from '../shared/routing/organization-areas';
import { pageTitle } from '../shared/routing/page-title';
import { PLAN_PATH, SETTINGS_PATH } from '../shared/routing/paths';
import { APPROVALS_PATH } from '../approvals/approvals-paths';
import { AreaPlaceholderPage } from './area-placeholder-page';

/** Areas that other issues build; until then each shows an honest placeholder under its real URL. */
const upcomingAreas: Routes = ORGANIZATION_AREAS.filter((area) => area.path !== SETTINGS_PATH && area.path !== PLAN_PATH && area.path !== APPROVALS_PATH).map((area) => ({
  path: area.path,
  title: area.label,
  component: AreaPlaceholderPage,
  data: { heading: area.label },
}));

export const organizationRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: ORGANIZATION_AREAS[0].path },
  {
    path: PLAN_PATH,
    title: pageTitle('area.editorialPlan'),
    loadChildren: () => import('../plan/plan.routes').then((m) => m.planRoutes),
  },
  {
    path: APPROVALS_PATH,
    title: pageTitle('area.approvals'),
    loadChildren: () => import('../approvals/approvals.routes').then((m) => m.approvalsRoutes),
  },
  ...upcomingAreas,
  {
    path: SETTINGS_PATH,
    loadChildren: () => import('../settings/settings.routes').then((m) => m.settingsRoutes),
  },
];

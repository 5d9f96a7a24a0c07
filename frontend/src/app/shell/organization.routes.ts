import type { Routes } from '@angular/router';
import { ORGANIZATION_AREAS } from '../shared/routing/organization-areas';
import { pageTitle } from '../shared/routing/page-title';
import { PLAN_PATH, SETTINGS_PATH } from '../shared/routing/paths';
import { APPROVALS_PATH } from '../approvals/approvals-paths';
import { PROGRAM_PATH } from '../program/program-paths';
import { TEXT_BLOCKS_PATH } from '../text-blocks/text-blocks-paths';
import { CRISIS_PATH } from '../crisis/crisis-paths';
import { COMMUNITY_PATH } from '../community/community-paths';
import { AreaPlaceholderPage } from './area-placeholder-page';

/** Areas that other issues build; until then each shows an honest placeholder under its real URL. */
const builtAreas: readonly string[] = [SETTINGS_PATH, PLAN_PATH, APPROVALS_PATH, PROGRAM_PATH, TEXT_BLOCKS_PATH, CRISIS_PATH, COMMUNITY_PATH];
const upcomingAreas: Routes = ORGANIZATION_AREAS.filter((area) => !builtAreas.includes(area.path)).map((area) => ({
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
  {
    path: TEXT_BLOCKS_PATH,
    title: pageTitle('area.textBlocks'),
    loadChildren: () => import('../text-blocks/text-blocks.routes').then((m) => m.textBlocksRoutes),
  },
  {
    path: PROGRAM_PATH,
    title: pageTitle('program.heading'),
    loadChildren: () => import('../program/program.routes').then((m) => m.programRoutes),
  },
  {
    path: CRISIS_PATH,
    title: pageTitle('area.crisisPlaybooks'),
    loadChildren: () => import('../crisis/crisis.routes').then((m) => m.crisisRoutes),
  },
  {
    path: COMMUNITY_PATH,
    title: pageTitle('community.heading'),
    loadChildren: () => import('../community/community.routes').then((m) => m.communityRoutes),
  },
  ...upcomingAreas,
  {
    path: SETTINGS_PATH,
    loadChildren: () => import('../settings/settings.routes').then((m) => m.settingsRoutes),
  },
];

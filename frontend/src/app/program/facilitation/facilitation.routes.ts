import type { Routes } from '@angular/router';
import { pageTitle } from '../../shared/routing/page-title';
import { CohortPage } from '../cohort/cohort-page';
import { FacilitationPage } from './facilitation-page';

export const facilitationRoutes: Routes = [
  { path: '', title: pageTitle('facilitation.heading'), component: FacilitationPage },
  { path: 'gruppe/:cohortId', title: pageTitle('program.cohortPage.heading'), component: CohortPage },
];

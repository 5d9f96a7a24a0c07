import type { Routes } from '@angular/router';
import { pageTitle } from '../shared/routing/page-title';
import { AuthoritiesPage } from './authorities-page';

export const operationsRoutes: Routes = [
  { path: '', title: pageTitle('title.operations'), component: AuthoritiesPage },
];

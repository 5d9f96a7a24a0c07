import type { Routes } from '@angular/router';
import { SeriesPage } from './series-page';

export const seriesRoutes: Routes = [{ path: '', component: SeriesPage }];

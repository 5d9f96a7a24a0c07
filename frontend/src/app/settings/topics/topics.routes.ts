import type { Routes } from '@angular/router';
import { TopicsPage } from './topics-page';

export const topicsRoutes: Routes = [{ path: '', component: TopicsPage }];

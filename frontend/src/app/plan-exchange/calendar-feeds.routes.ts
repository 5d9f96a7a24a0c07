import type { Routes } from '@angular/router';
import { CalendarFeedsPage } from './calendar-feeds-page';

export const calendarFeedsRoutes: Routes = [{ path: '', component: CalendarFeedsPage }];

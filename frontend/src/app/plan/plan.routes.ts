import type { Routes } from '@angular/router';
import { calendarStylesheetLoaded } from './calendar/calendar-stylesheet';
import { PlanPage } from './plan-page';

/** The Redaktionsplan with its calendar; loaded with this route, so FullCalendar stays out of the start bundle. */
export const planRoutes: Routes = [{ path: '', component: PlanPage, resolve: { calendarStylesheet: calendarStylesheetLoaded } }];

import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import { Session } from '../auth/session';
import { EARLY_ANSWERS } from '../shared/http/early-answers.interceptor';
import { CalendarStylesheet } from './calendar/calendar-stylesheet';
import { askPlanFirstReads, planOrganizationIn } from './plan-first-reads';

/**
 * Starts what the plan needs first while its code is still loading: the calendar's stylesheet
 * and the plan's first reads (plan-first-reads.ts). Runs as the canMatch of the authority's
 * route, the earliest point at which the router knows where a navigation inside the app goes;
 * it never blocks the navigation. (On the first page main.ts has sent the reads already.)
 */
export const startPlanReads: CanMatchFn = () => {
  const router = inject(Router);
  const target = router.currentNavigation()?.extractedUrl;
  if (!target) return true;
  const [path, search = ''] = router.serializeUrl(target).split('?');
  const organizationId = planOrganizationIn(path);
  // The plan's own navigations (another month, the editor, a filter) read what they need themselves.
  if (!organizationId || planOrganizationIn(router.url.split('?')[0]) === organizationId) return true;
  void inject(CalendarStylesheet).load();
  askPlanFirstReads(inject(EARLY_ANSWERS), path, search, inject(Session).restore());
  return true;
};

import type { MeResponse } from '@amtsplan/contracts';
import { startLoadingFirstPage } from './app/first-page-code';
import { linkCalendarStylesheet } from './app/plan/calendar/calendar-stylesheet-link';
import { askPlanFirstReadsAtOnce, planOrganizationIn } from './app/plan/plan-first-reads';
import { EarlyAnswers } from './app/shared/http/early-answers';

// Before Angular itself has loaded, the session question, the first page's code and (for the
// plan) its first reads, its stylesheet and fonts are on their way, in parallel with Angular's
// own code instead of after it; the app's own requests then take the answers over
// (early-answers.interceptor.ts). This file imports nothing of Angular, so it runs as soon as it
// has arrived.
const early = new EarlyAnswers();
const session = early.ask('/api/auth/me').then((answer) => (answer?.status === 200 ? (answer.body as MeResponse) : null));
// Angular's code first: the browser fetches it while the rest of this file runs.
const app = import('./app/start-app');
startLoadingFirstPage(location.pathname);
askPlanFirstReadsAtOnce(early, location.pathname, location.search, session);
if (planOrganizationIn(location.pathname) !== null) {
  void linkCalendarStylesheet(document);
  // The calendar's buttons and column headers use Roboto 500 and 700, which the browser would
  // fetch only once it lays that text out (700 arrived after the grid had been drawn).
  for (const font of ['500 1em Roboto', '700 1em Roboto']) document.fonts?.load(font).catch(() => undefined);
}
app
  .then(({ startApp }) => startApp(early))
  .catch((error: unknown) => console.error(error));

import type { MeResponse } from '@amtsplan/contracts';
import { startLoadingFirstPage } from './app/first-page-code';
import { askPlanFirstReads } from './app/plan/plan-first-reads';
import { EarlyAnswers } from './app/shared/http/early-answers';

// Before Angular itself has loaded, the session question, the first page's code and (for the
// plan) its first reads are on their way, in parallel with Angular's own code instead of after
// it; the app's own requests then take the answers over (early-answers.interceptor.ts). This
// file imports nothing of Angular, so it runs as soon as it has arrived.
const early = new EarlyAnswers();
const session = early.ask('/api/auth/me').then((answer) => (answer?.status === 200 ? (answer.body as MeResponse) : null));
startLoadingFirstPage(location.pathname);
askPlanFirstReads(early, location.pathname, location.search, session);
import('./app/start-app')
  .then(({ startApp }) => startApp(early))
  .catch((error: unknown) => console.error(error));

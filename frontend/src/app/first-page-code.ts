import { planOrganizationIn } from './plan/plan-first-reads';
import { ORGANIZATION_PATH } from './shared/routing/paths';

/**
 * Starts loading the code of the page the app opens on while the session is being checked.
 * Left to the router, the shell, the authority's routes and the plan would each be requested
 * only after the one before had loaded and run; the router's own imports of the same modules
 * then find them loaded. The start page ("/") leads to the plan as well.
 */
export function startLoadingFirstPage(path: string): void {
  const inOrganization = path.startsWith(`/${ORGANIZATION_PATH}/`);
  if (!inOrganization && path !== '/') return;
  const loading: Promise<unknown>[] = [import('./shell/app-shell'), import('./shell/organization.routes')];
  if (path === '/' || planOrganizationIn(path) !== null) loading.push(import('./plan/plan.routes'));
  // A failure shows when the router asks for the same module.
  for (const module of loading) module.catch(() => undefined);
}

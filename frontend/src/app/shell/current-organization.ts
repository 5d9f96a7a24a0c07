import type { UrlTree } from '@angular/router';
import { PRIMARY_OUTLET } from '@angular/router';
import { ORGANIZATION_PATH } from '../shared/routing/paths';

/** The authority a URL is about (`/o/:orgId/…`), or null for pages outside any authority. */
export function organizationIdIn(url: UrlTree): string | null {
  const segments = url.root.children[PRIMARY_OUTLET]?.segments ?? [];
  return segments[0]?.path === ORGANIZATION_PATH && segments[1] ? segments[1].path : null;
}

/** The same page in another authority, so switching does not throw people back to the start. */
export function sameAreaIn(url: UrlTree, organizationId: string): string[] {
  const segments = url.root.children[PRIMARY_OUTLET]?.segments ?? [];
  const rest = segments.slice(2).map((segment) => segment.path);
  return ['/', ORGANIZATION_PATH, organizationId, ...rest];
}

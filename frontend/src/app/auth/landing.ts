import type { MeResponse } from '@amtsplan/contracts';
import { NO_ORGANIZATION_PATH, OPERATIONS_PATH, organizationUrl } from '../shared/routing/paths';
import { ORGANIZATION_AREAS } from '../shared/routing/organization-areas';

/** Where a person starts after login: their first authority's plan, the operator console, or the hint that they belong nowhere yet. */
export function landingUrl(me: MeResponse): string[] {
  const first = me.memberships[0];
  if (first) return organizationUrl(first.organization.id, ORGANIZATION_AREAS[0].path);
  if (me.user.isOperator) return ['/', OPERATIONS_PATH];
  return ['/', NO_ORGANIZATION_PATH];
}

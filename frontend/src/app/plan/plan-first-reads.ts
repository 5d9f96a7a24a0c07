import type { MeResponse, PostListQuery } from '@amtsplan/contracts';
import { localDateOf } from '@amtsplan/domain';
import type { EarlyAnswers } from '../shared/http/early-answers';
import { ORGANIZATION_PATH, PLAN_PATH } from '../shared/routing/paths';
import { type PlanLocation, readPlanLocation } from './plan-location';
import { backlogQuery, plannedPostsQuery, queryParams } from './post-query';
import { daysAt, rangeInAnyZone } from './shown-days';

/** The zone the plan assumes until the authority's settings have arrived (the default of every authority). */
export const ASSUMED_TIME_ZONE = 'Europe/Berlin';

/**
 * The authority whose plan a path shows (`/o/:orgId/redaktionsplan`), or null for any other page
 * and for a mistyped escape in the id (main.ts runs this before anything could catch a throw).
 */
export function planOrganizationIn(path: string): string | null {
  const [, organizations, organizationId, area] = path.split('/');
  if (organizations !== ORGANIZATION_PATH || !organizationId || area !== PLAN_PATH) return null;
  try {
    return decodeURIComponent(organizationId);
  } catch {
    return null;
  }
}

/**
 * What the plan at `location` reads first: the authority's settings, channels, topics, series
 * and members, the entries and open series slots of the days on screen, and the Themenspeicher.
 * The same URLs the plan's API services request (plan-first-reads.spec.ts holds them together);
 * the days are those the page computes: the day in the URL, or today in the assumed zone.
 */
export function planFirstReads(organizationId: string, location: PlanLocation, now = new Date()): string[] {
  const organization = `/api/orgs/${encodeURIComponent(organizationId)}`;
  const range = rangeInAnyZone(daysAt(location, localDateOf(now, ASSUMED_TIME_ZONE)));
  return [
    organization,
    `${organization}/channels`,
    `${organization}/topics`,
    `${organization}/series`,
    `${organization}/members`,
    `${organization}/plan-entries?${queryString(plannedPostsQuery(location.filters, range))}`,
    `${organization}/series/slots?${queryString({ from: range.from, to: range.to })}`,
    `${organization}/plan-entries?${queryString(backlogQuery(location.filters))}`,
  ];
}

/**
 * Sends the plan's first reads for `path` (with its query) once the session shows that the
 * person belongs to the authority; nothing for any other page or person.
 */
export function askPlanFirstReads(early: EarlyAnswers, path: string, search: string, session: Promise<MeResponse | null>): void {
  const organizationId = planOrganizationIn(path);
  if (!organizationId) return;
  const query: Record<string, string> = {};
  new URLSearchParams(search).forEach((value, key) => (query[key] = value));
  const location = readPlanLocation(query);
  void session.then((me) => {
    if (!me?.memberships.some((membership) => membership.organization.id === organizationId)) return;
    for (const url of planFirstReads(organizationId, location)) void early.ask(url);
  });
}

function queryString(query: PostListQuery): string {
  return new URLSearchParams(queryParams(query)).toString();
}

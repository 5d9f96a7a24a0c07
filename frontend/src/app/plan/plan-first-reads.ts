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
  // Today matters only without a day in the URL or for the planning view; its zone lookup loads
  // ICU's time zone data (tens of ms on a page's first use), which main.ts need not wait for.
  const today = location.view !== 'planung' && location.date ? location.date : localDateOf(now, ASSUMED_TIME_ZONE);
  const range = rangeInAnyZone(daysAt(location, today));
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
  const reads = firstReadsAt(path, search);
  if (!reads) return;
  void session.then((me) => {
    if (!isMember(me, reads.organizationId)) return;
    for (const url of reads.urls) void early.ask(url);
  });
}

/**
 * The same for the first page (main.ts), sent at once instead of after the session's answer:
 * that answer arrives while Angular's own code is being run and is handled only after it, which
 * put the plan's reads 150–250 ms behind on the benchmark's busy main thread. The server checks
 * every read itself (session, membership, row-level security), so asking early reveals nothing;
 * should the session show that nobody is logged in or the person does not belong to the
 * authority, the answers (refusals) are thrown away, so that no later request is handed a
 * refusal meant for the state before a login.
 */
export function askPlanFirstReadsAtOnce(early: EarlyAnswers, path: string, search: string, session: Promise<MeResponse | null>): void {
  const reads = firstReadsAt(path, search);
  if (!reads) return;
  for (const url of reads.urls) void early.ask(url);
  void session.then((me) => {
    if (isMember(me, reads.organizationId)) return;
    for (const url of reads.urls) void early.take(url);
  });
}

function firstReadsAt(path: string, search: string): { readonly organizationId: string; readonly urls: string[] } | null {
  const organizationId = planOrganizationIn(path);
  if (!organizationId) return null;
  const query: Record<string, string> = {};
  new URLSearchParams(search).forEach((value, key) => (query[key] = value));
  return { organizationId, urls: planFirstReads(organizationId, readPlanLocation(query)) };
}

function isMember(me: MeResponse | null, organizationId: string): boolean {
  return me?.memberships.some((membership) => membership.organization.id === organizationId) ?? false;
}

function queryString(query: PostListQuery): string {
  return new URLSearchParams(queryParams(query)).toString();
}

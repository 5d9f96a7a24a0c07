import type { OrganizationRole } from './roles';

/**
 * Freigaberouten: which people approve a post, in which order. An organization keeps
 * several routes; chooseRoute picks one per submission from facts about the post.
 */

/** A step names approvers by role (resolved to members at submission) or by person. */
export type ApproverSelection =
  | { readonly kind: 'role'; readonly role: OrganizationRole }
  | { readonly kind: 'users'; readonly userIds: readonly string[] };

/** `any`: one approval completes the step; `all`: every named person must approve. */
export const APPROVAL_MODES = ['any', 'all'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export const APPROVAL_MODE_LABELS: { readonly [M in ApprovalMode]: string } = {
  any: 'Eine Person genügt',
  all: 'Alle müssen freigeben',
};

/**
 * When a step is due. Hours are real elapsed hours (instants), not wall-clock hours: "12 h
 * before" a post planned at 12:00 on the day the clocks change is 01:00 (autumn) or 23:00
 * the evening before (spring) on the wall clock. See dueAt in approval-schedule.
 */
export type ApprovalDueRule =
  | { readonly kind: 'after_submission'; readonly hours: number }
  | { readonly kind: 'before_planned'; readonly hours: number };

export interface ApprovalStep {
  /** Shown in the route and in reminders, e.g. "Leitung". */
  readonly name: string;
  readonly approvers: ApproverSelection;
  readonly mode: ApprovalMode;
  /** Stands in for the whole step once it is overdue (see decide). */
  readonly deputyUserId?: string | null;
  readonly due: ApprovalDueRule;
  /**
   * The step is skipped when the person submitting holds one of these roles. The seeded
   * route uses it so that comms "looking over" a Fachbereich post is not asked to look
   * over its own submissions; four-eyes still holds through the later steps.
   */
  readonly skipWhenSubmittedBy?: readonly OrganizationRole[];
}

/**
 * What makes a route apply. Every condition that is set must hold (and); within a list one
 * entry suffices (or). Conditions only ever ask for a property, never for its absence:
 * `sensitiveTopic: false` means "no condition", not "topic not sensitive".
 */
export interface ApprovalRouteConditions {
  /** The post goes out on at least one of these channels. */
  readonly channelIds?: readonly string[];
  /** The post's topic is marked sensitive. */
  readonly sensitiveTopic?: boolean;
  /** The post carries at least one of these tags (case and surrounding spaces ignored). */
  readonly tags?: readonly string[];
  /** The post is planned inside an election blackout period (see election-blackout). */
  readonly electionBlackout?: boolean;
}

export const ROUTE_CONDITION_KINDS = ['channel', 'sensitiveTopic', 'tag', 'electionBlackout'] as const;
export type RouteConditionKind = (typeof ROUTE_CONDITION_KINDS)[number];

export const ROUTE_CONDITION_LABELS: { readonly [K in RouteConditionKind]: string } = {
  channel: 'Kanal',
  sensitiveTopic: 'Sensibles Thema',
  tag: 'Schlagwort',
  electionBlackout: 'Vorwahlzeit',
};

export interface ApprovalRoute {
  readonly id: string;
  readonly name: string;
  /** Explicit order set by the organization: the lower number wins among matching routes. */
  readonly priority: number;
  /** The fallback when no other route matches; it carries no conditions. */
  readonly isDefault: boolean;
  readonly conditions: ApprovalRouteConditions;
  readonly steps: readonly ApprovalStep[];
}

/** What chooseRoute looks at, gathered by the caller at submission. */
export interface PostRouteFacts {
  readonly channelIds: readonly string[];
  readonly sensitiveTopic: boolean;
  readonly tags: readonly string[];
  readonly inElectionBlackout: boolean;
}

export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().toLowerCase();
}

/** The condition kinds a route sets; their number is the route's specificity. */
export function routeConditionKinds(conditions: ApprovalRouteConditions): RouteConditionKind[] {
  const kinds: RouteConditionKind[] = [];
  if ((conditions.channelIds ?? []).length > 0) kinds.push('channel');
  if (conditions.sensitiveTopic === true) kinds.push('sensitiveTopic');
  if ((conditions.tags ?? []).length > 0) kinds.push('tag');
  if (conditions.electionBlackout === true) kinds.push('electionBlackout');
  return kinds;
}

/**
 * The conditions of `route` that the post meets, or null when the route does not apply.
 * A route without conditions applies to every post (the default route).
 */
export function matchedConditions(route: ApprovalRoute, facts: PostRouteFacts): RouteConditionKind[] | null {
  const { conditions } = route;
  const kinds = routeConditionKinds(conditions);
  const holds: { readonly [K in RouteConditionKind]: () => boolean } = {
    channel: () => (conditions.channelIds ?? []).some((id) => facts.channelIds.includes(id)),
    sensitiveTopic: () => facts.sensitiveTopic,
    tag: () => {
      const postTags = new Set(facts.tags.map(normalizeTag));
      return (conditions.tags ?? []).some((tag) => postTags.has(normalizeTag(tag)));
    },
    electionBlackout: () => facts.inElectionBlackout,
  };
  return kinds.every((kind) => holds[kind]()) ? kinds : null;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The route for a post, independent of the order of `routes`:
 * 1. among the non-default routes whose conditions all hold, the lowest `priority` (the
 *    order the organization set);
 * 2. on equal priority, the more specific route (more condition kinds set);
 * 3. then the lower id, so the choice never depends on how the database sorted them;
 * 4. when none matches, the default route (lowest priority, then id, should there be
 *    several despite validateApprovalRoutes);
 * 5. null when there is no default route either: the submission must be refused
 *    (NO_ROUTE_MESSAGE).
 * A non-default route without conditions never matches; validation reports it.
 */
export function chooseRoute(routes: readonly ApprovalRoute[], facts: PostRouteFacts): ApprovalRoute | null {
  const candidates = routes
    .filter((route) => !route.isDefault && routeConditionKinds(route.conditions).length > 0)
    .filter((route) => matchedConditions(route, facts) !== null);
  const order = (a: ApprovalRoute, b: ApprovalRoute) =>
    a.priority - b.priority ||
    routeConditionKinds(b.conditions).length - routeConditionKinds(a.conditions).length ||
    byCodeUnits(a.id, b.id);
  if (candidates.length > 0) return [...candidates].sort(order)[0];
  const defaults = routes.filter((route) => route.isDefault);
  return defaults.length > 0 ? [...defaults].sort(order)[0] : null;
}

export const NO_ROUTE_MESSAGE = 'Keine Freigaberoute passt zu diesem Beitrag, und es ist keine Standardroute festgelegt.';

/**
 * The route seeded for every organization: a Fachbereich's post is looked over by the
 * Redaktion, then approved by the Leitung. Posts the Redaktion (or an admin) submits go
 * straight to the Leitung.
 */
export function defaultApprovalRoute(id: string): ApprovalRoute {
  return {
    id,
    name: 'Redaktion → Leitung',
    priority: 0,
    isDefault: true,
    conditions: {},
    steps: [
      {
        name: 'Redaktion',
        approvers: { kind: 'role', role: 'editor' },
        mode: 'any',
        deputyUserId: null,
        due: { kind: 'after_submission', hours: 24 },
        skipWhenSubmittedBy: ['editor', 'admin'],
      },
      {
        name: 'Leitung',
        approvers: { kind: 'role', role: 'approver' },
        mode: 'any',
        deputyUserId: null,
        due: { kind: 'before_planned', hours: 12 },
      },
    ],
  };
}

/** "24 Stunden nach Einreichung", "12 Stunden vor dem geplanten Zeitpunkt". */
export function describeDueRule(rule: ApprovalDueRule): string {
  const hours = rule.hours === 1 ? '1 Stunde' : `${rule.hours} Stunden`;
  return rule.kind === 'after_submission' ? `${hours} nach Einreichung` : `${hours} vor dem geplanten Zeitpunkt`;
}

export interface StepPeople {
  readonly mode: ApprovalMode;
  readonly people: readonly string[];
}

/**
 * Pairs of steps that cannot both be decided, because one person may decide only one step
 * of a request: two `all` steps sharing a person; an `any` step whose every person is
 * needed by an `all` step; two `any` steps with the same single person. Obvious conflicts
 * only (no full assignment search); deputies are left out, they are a fallback.
 */
export function stepConflicts(steps: readonly StepPeople[]): Array<readonly [number, number]> {
  const conflicts: Array<readonly [number, number]> = [];
  const covers = (all: StepPeople, other: StepPeople) =>
    all.mode === 'all' && other.people.length > 0 && other.people.every((p) => all.people.includes(p));
  for (let j = 1; j < steps.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [steps[i], steps[j]];
      const shareInAll = a.mode === 'all' && b.mode === 'all' && a.people.some((p) => b.people.includes(p));
      const sameSingle = a.people.length === 1 && b.people.length === 1 && a.people[0] === b.people[0];
      if (shareInAll || covers(a, b) || covers(b, a) || sameSingle) conflicts.push([i, j]);
    }
  }
  return conflicts;
}

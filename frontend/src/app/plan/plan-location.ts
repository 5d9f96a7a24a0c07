import { isCalendarDate, isPostStatus, type PostStatus } from '@amtsplan/domain';

/** The views of the Redaktionsplan by their German URL words (`?ansicht=`). */
export const PLAN_VIEWS = ['monat', 'woche', 'liste', 'planung'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

export interface PlanFilters {
  readonly channelId: string | null;
  readonly topicId: string | null;
  readonly status: PostStatus | null;
  readonly responsibleUserId: string | null;
  readonly seriesId: string | null;
}

export const NO_FILTERS: PlanFilters = { channelId: null, topicId: null, status: null, responsibleUserId: null, seriesId: null };

/** What the URL of the plan says: people bookmark a week, and the iCal feed links to a post. */
export interface PlanLocation {
  readonly view: PlanView;
  /** A day inside the shown range ('YYYY-MM-DD'), or null for today. */
  readonly date: string | null;
  /** The post open in the editor panel. */
  readonly postId: string | null;
  readonly filters: PlanFilters;
}

/** German query parameter names, one per filter. */
const FILTER_PARAMS: { readonly [K in keyof PlanFilters]: string } = {
  channelId: 'kanal',
  topicId: 'thema',
  status: 'status',
  responsibleUserId: 'person',
  seriesId: 'serie',
};

type QueryParams = Readonly<Record<string, string | undefined>>;

export function readPlanLocation(params: QueryParams): PlanLocation {
  const view = params['ansicht'];
  const date = params['datum'];
  const status = params[FILTER_PARAMS.status];
  return {
    view: (PLAN_VIEWS as readonly string[]).includes(view ?? '') ? (view as PlanView) : 'monat',
    date: date && isCalendarDate(date) ? date : null,
    postId: params['beitrag'] || null,
    filters: {
      channelId: params[FILTER_PARAMS.channelId] || null,
      topicId: params[FILTER_PARAMS.topicId] || null,
      status: isPostStatus(status) ? status : null,
      responsibleUserId: params[FILTER_PARAMS.responsibleUserId] || null,
      seriesId: params[FILTER_PARAMS.seriesId] || null,
    },
  };
}

/**
 * The query parameters for a location; `null` removes a parameter when merged by the router.
 * The month view is the default and leaves `ansicht` out, so the plain area link stays short.
 */
export function planQueryParams(location: PlanLocation): Record<string, string | null> {
  const params: Record<string, string | null> = {
    ansicht: location.view === 'monat' ? null : location.view,
    datum: location.date,
    beitrag: location.postId,
  };
  for (const key of Object.keys(FILTER_PARAMS) as (keyof PlanFilters)[]) {
    params[FILTER_PARAMS[key]] = location.filters[key];
  }
  return params;
}

/** Whether two readings of the URL ask for the same posts; each navigation reads a new object. */
export function sameFilters(a: PlanFilters, b: PlanFilters): boolean {
  return (Object.keys(FILTER_PARAMS) as (keyof PlanFilters)[]).every((key) => a[key] === b[key]);
}

export function activeFilterCount(filters: PlanFilters): number {
  return Object.values(filters).filter((value) => value !== null).length;
}

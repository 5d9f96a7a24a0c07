import type { PostListQuery } from '@amtsplan/contracts';
import type { PlanFilters } from './plan-location';

/** An interval of instants, ISO 8601 with offset; `to` is exclusive. */
export interface InstantRange {
  readonly from: string;
  readonly to: string;
}

/** The API query for the planned posts in a range, narrowed by the toolbar's filters. */
export function plannedPostsQuery(filters: PlanFilters, range: InstantRange): PostListQuery {
  return { from: range.from, to: range.to, ...filterParams(filters) };
}

/** The Themenspeicher: posts without a day, under the same filters as the calendar. */
export function backlogQuery(filters: PlanFilters): PostListQuery {
  return { unplanned: 'true', ...filterParams(filters) };
}

/** A query as request parameters: those that are set, in their order. */
export function queryParams(query: PostListQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function filterParams(filters: PlanFilters): PostListQuery {
  const query: { -readonly [K in keyof PostListQuery]: PostListQuery[K] } = {};
  if (filters.channelId) query.channelId = filters.channelId;
  if (filters.topicId) query.topicId = filters.topicId;
  if (filters.status) query.status = filters.status;
  if (filters.responsibleUserId) query.responsibleUserId = filters.responsibleUserId;
  if (filters.seriesId) query.seriesId = filters.seriesId;
  return query;
}

import type { SeriesView } from '@amtsplan/contracts';
import { describeRule } from '@amtsplan/domain';
import type { SeriesEntity } from './series.entity';

export function toSeriesView(series: SeriesEntity): SeriesView {
  return {
    id: series.id,
    name: series.name,
    hashtag: series.hashtag,
    description: series.description,
    channelIds: series.channelIds,
    rrule: series.rrule,
    ruleDescription: withTime(describeRule(series.rrule), series.start),
    start: series.start,
    timeZone: series.timeZone,
    topicId: series.topicId,
    checklist: series.checklist,
    textSkeleton: series.textSkeleton,
    active: series.active,
    version: series.version,
    createdAt: series.createdAt.toISOString(),
  };
}

/** A rule without BYHOUR keeps the start's time of day; say so, as a person would. */
function withTime(description: string, start: string): string {
  if (/ um \d/.test(description)) return description;
  const [hour, minute] = start.slice(11, 16).split(':');
  return `${description} um ${Number(hour)}:${minute} Uhr`;
}

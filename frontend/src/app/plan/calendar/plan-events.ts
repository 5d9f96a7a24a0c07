import type { ChannelView, PostView, SeriesSlotView, SeriesView, TopicView } from '@amtsplan/contracts';
import { type PostStatus, type PublicHoliday, utcToZonedLocal } from '@amtsplan/domain';
import { textColourOn } from '../readable-colour';

/** Whether a post takes its colour from its (first) channel or from its topic. */
export type ColourBy = 'channel' | 'topic';

export type FindingMarker = 'hard' | 'warning' | null;

/** What the calendar needs to know about an event beyond its time, read back in its callbacks. */
export type PlanEventDetails =
  | {
      readonly kind: 'post';
      readonly postId: string;
      readonly status: PostStatus;
      readonly statusLabel: string;
      readonly marker: FindingMarker;
      readonly channelNames: string;
    }
  | { readonly kind: 'slot'; readonly seriesId: string; readonly at: string; readonly seriesName: string }
  | { readonly kind: 'holiday'; readonly name: string };

/** The subset of FullCalendar's EventInput this app uses; plain data, so it can be tested without the calendar. */
export interface PlanEvent {
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly allDay: boolean;
  readonly display?: 'background';
  readonly startEditable: boolean;
  readonly durationEditable: false;
  /** FullCalendar 7 names: the event's background and its text colour. */
  readonly color?: string;
  readonly contrastColor?: string;
  readonly className: string;
  readonly extendedProps: PlanEventDetails;
}

export interface PostEventContext {
  readonly timeZone: string;
  readonly colourBy: ColourBy;
  readonly channels: ReadonlyMap<string, ChannelView>;
  readonly topics: ReadonlyMap<string, TopicView>;
  readonly statusLabel: (status: PostStatus) => string;
  readonly mayReplan: (post: PostView) => boolean;
}

/** Neutral colour for a post without channel or topic: still readable, clearly "not assigned". */
const UNASSIGNED_COLOUR = '#e3e3e3';

export function findingMarker(post: Pick<PostView, 'findings'>): FindingMarker {
  if (post.findings.some((finding) => finding.severity === 'hard')) return 'hard';
  return post.findings.length > 0 ? 'warning' : null;
}

export function postColour(post: PostView, context: Pick<PostEventContext, 'colourBy' | 'channels' | 'topics'>): string {
  if (context.colourBy === 'topic') {
    return (post.topicId && context.topics.get(post.topicId)?.color) || UNASSIGNED_COLOUR;
  }
  const firstChannel = post.variants.map((variant) => context.channels.get(variant.channelId)).find((c) => c !== undefined);
  return firstChannel?.color ?? UNASSIGNED_COLOUR;
}

/** A planned post as a calendar event: a time is a timed event, a day an all-day one; unplanned posts have none. */
export function postEvent(post: PostView, context: PostEventContext): PlanEvent | null {
  const planning = post.planning;
  if (planning.kind === 'unplanned') return null;
  const colour = postColour(post, context);
  const timed = planning.kind === 'time';
  return {
    id: post.id,
    title: post.workingTitle,
    // Wall-clock time in the authority's zone, which is the calendar's zone as well.
    start: timed ? utcToZonedLocal(new Date(planning.at), context.timeZone) : planning.date,
    allDay: !timed,
    startEditable: context.mayReplan(post),
    durationEditable: false,
    color: colour,
    contrastColor: textColourOn(colour),
    className: `plan-event plan-event--${post.status}`,
    extendedProps: {
      kind: 'post',
      postId: post.id,
      status: post.status,
      statusLabel: context.statusLabel(post.status),
      marker: findingMarker(post),
      channelNames: post.variants
        .map((variant) => context.channels.get(variant.channelId)?.name)
        .filter((name): name is string => name !== undefined)
        .join(', '),
    },
  };
}

/** Open series slots ahead, labelled as free so nobody mistakes them for planned content. */
export function openSlotEvents(
  slots: readonly SeriesSlotView[],
  series: ReadonlyMap<string, SeriesView>,
  timeZone: string,
  label: (seriesName: string) => string,
): PlanEvent[] {
  return slots
    .filter((slot) => slot.postId === null)
    .map((slot) => {
      const seriesName = series.get(slot.seriesId)?.name ?? '';
      return {
        id: `slot:${slot.seriesId}:${slot.at}`,
        title: label(seriesName),
        start: utcToZonedLocal(new Date(slot.at), timeZone),
        allDay: false,
        startEditable: false,
        durationEditable: false,
        className: 'plan-slot',
        extendedProps: { kind: 'slot', seriesId: slot.seriesId, at: slot.at, seriesName },
      };
    });
}

export function holidayEvents(holidays: readonly PublicHoliday[]): PlanEvent[] {
  return holidays.map((holiday) => ({
    id: `holiday:${holiday.date}`,
    title: holiday.name,
    start: holiday.date,
    allDay: true,
    display: 'background',
    startEditable: false,
    durationEditable: false,
    className: 'plan-holiday',
    extendedProps: { kind: 'holiday', name: holiday.name },
  }));
}

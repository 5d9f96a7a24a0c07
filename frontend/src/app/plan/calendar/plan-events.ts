import type { ChannelView, PlanEntryView, SeriesSlotView, SeriesView, TopicView } from '@amtsplan/contracts';
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
      /** Wall-clock 'HH:mm' of a timed post, null for a day. */
      readonly time: string | null;
      /** Where a published post can be seen on its platform. */
      readonly publishedUrl: string | null;
    }
  | { readonly kind: 'slot'; readonly seriesId: string; readonly at: string; readonly seriesName: string; readonly time: string }
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
  readonly mayReplan: (entry: PlanEntryView) => boolean;
}

/** Neutral colour for a post without channel or topic: still readable, clearly "not assigned". */
const UNASSIGNED_COLOUR = '#e3e3e3';

/** The mark an entry carries in the grid: its most severe stored finding. */
export function findingMarker(entry: Pick<PlanEntryView, 'findingSeverity'>): FindingMarker {
  return entry.findingSeverity ?? null;
}

export function postColour(
  entry: Pick<PlanEntryView, 'channelIds' | 'topicId'>,
  context: Pick<PostEventContext, 'colourBy' | 'channels' | 'topics'>,
): string {
  if (context.colourBy === 'topic') {
    return (entry.topicId && context.topics.get(entry.topicId)?.color) || UNASSIGNED_COLOUR;
  }
  const firstChannel = entry.channelIds.map((channelId) => context.channels.get(channelId)).find((c) => c !== undefined);
  return firstChannel?.color ?? UNASSIGNED_COLOUR;
}

/** A planned post as a calendar event: a time is a timed event, a day an all-day one; unplanned posts have none. */
export function postEvent(entry: PlanEntryView, context: PostEventContext): PlanEvent | null {
  const planning = entry.planning;
  if (planning.kind === 'unplanned') return null;
  const colour = postColour(entry, context);
  const timed = planning.kind === 'time';
  // Wall-clock time in the authority's zone, which is what the calendar counts in.
  const start = timed ? utcToZonedLocal(new Date(planning.at), context.timeZone) : planning.date;
  return {
    id: entry.id,
    title: entry.workingTitle,
    start,
    allDay: !timed,
    startEditable: context.mayReplan(entry),
    durationEditable: false,
    color: colour,
    contrastColor: textColourOn(colour),
    className: `plan-event plan-event--${entry.status}`,
    extendedProps: {
      kind: 'post',
      postId: entry.id,
      status: entry.status,
      statusLabel: context.statusLabel(entry.status),
      marker: findingMarker(entry),
      channelNames: entry.channelIds
        .map((channelId) => context.channels.get(channelId)?.name)
        .filter((name): name is string => name !== undefined)
        .join(', '),
      time: timed ? start.slice(11, 16) : null,
      publishedUrl: entry.status === 'published' ? (entry.publishedUrl ?? null) : null,
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
      const start = utcToZonedLocal(new Date(slot.at), timeZone);
      return {
        id: `slot:${slot.seriesId}:${slot.at}`,
        title: label(seriesName),
        start,
        allDay: false,
        startEditable: false,
        durationEditable: false,
        className: 'plan-slot',
        extendedProps: { kind: 'slot', seriesId: slot.seriesId, at: slot.at, seriesName, time: start.slice(11, 16) },
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

import { addCalendarDays, POST_STATUS_LABELS, utcToZonedLocal } from '@amtsplan/domain';
import { escape, foldLines } from 'ical-generator';
import type { FeedPost } from './calendar-feed-posts';
import { vtimezone } from './vtimezone';

/** A post at an exact time is a short appointment, so it shows as a slot, not a point. */
const TIMED_ENTRY_MS = 15 * 60 * 1000;
/** How often calendar apps that honour it refetch; matches the HTTP cache time in spirit. */
const REFRESH = 'PT15M';

export interface CalendarFeedDocument {
  readonly calendarName: string;
  readonly timeZone: string;
  readonly posts: readonly FeedPost[];
  /** Link back into the Redaktionsplan for one post. */
  readonly postUrl: (postId: string) => string;
  /** Host name of the installation, so UIDs are unique across installations. */
  readonly uidDomain: string;
  readonly window: { readonly from: Date; readonly to: Date };
  readonly now: Date;
}

const text = (value: string) => escape(value, false);
/** 'YYYY-MM-DDTHH:mm' → '20261205T100000' */
const wallClock = (local: string) => `${local.replace(/[-:]/g, '')}00`;
const utcStamp = (instant: Date) => `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
const dateValue = (date: string) => date.replace(/-/g, '');

/**
 * The iCalendar text (RFC 5545) of a feed. An entry carries the working title, status,
 * channels, topic and a link; never the post's text or any person, because the feed leaves the
 * installation for third-party calendar services (docs/plan-exchange.md).
 *
 * Components are written here and only escaping and line folding come from ical-generator: its
 * event builder formats native dates in the server's own zone and writes DTSTAMP without the
 * UTC marker once the calendar has a zone, which would put entries at wrong times.
 */
export function renderCalendarFeed(document: CalendarFeedDocument): string {
  const { timeZone } = document;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Amtsplan//Redaktionsplan//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${text(document.calendarName)}`,
    `X-WR-CALNAME:${text(document.calendarName)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    vtimezone(timeZone, document.window.from, document.window.to),
  ];
  for (const post of document.posts) {
    const when = timeLines(post, timeZone);
    if (!when) continue;
    const link = document.postUrl(post.id);
    lines.push(
      'BEGIN:VEVENT',
      `UID:post-${post.id}@${document.uidDomain}`,
      `DTSTAMP:${utcStamp(document.now)}`,
      `LAST-MODIFIED:${utcStamp(new Date(post.updatedAt))}`,
      `SEQUENCE:${post.version}`,
      ...when,
      `SUMMARY:${text(post.workingTitle)}`,
      `DESCRIPTION:${text(describe(post, link))}`,
      `URL;VALUE=URI:${link}`,
      // A planned post is no meeting: it must not mark the subscriber as busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${foldLines(lines.join('\r\n'))}\r\n`;
}

function timeLines(post: FeedPost, timeZone: string): string[] | null {
  if (post.plannedAt) {
    const start = new Date(post.plannedAt);
    const end = new Date(start.getTime() + TIMED_ENTRY_MS);
    return [`DTSTART;TZID=${timeZone}:${wallClock(utcToZonedLocal(start, timeZone))}`, `DTEND;TZID=${timeZone}:${wallClock(utcToZonedLocal(end, timeZone))}`];
  }
  if (post.plannedDate) {
    return [
      `DTSTART;VALUE=DATE:${dateValue(post.plannedDate)}`,
      `DTEND;VALUE=DATE:${dateValue(addCalendarDays(post.plannedDate, 1))}`,
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
    ];
  }
  return null;
}

function describe(post: FeedPost, link: string): string {
  return [
    `Status: ${POST_STATUS_LABELS[post.status]}`,
    `Kanäle: ${post.channelNames.length ? post.channelNames.join(', ') : '–'}`,
    `Thema: ${post.topicName ?? '–'}`,
    `Im Redaktionsplan öffnen: ${link}`,
  ].join('\n');
}

import type { ChannelView, PlanEntryView, SeriesView, TopicView } from '@amtsplan/contracts';
import { planEntry } from '../plan-entry.fixture';
import { droppedPlanning } from './dropped-planning';
import { type PostEventContext, findingMarker, holidayEvents, openSlotEvents, postColour, postEvent } from './plan-events';

const entry = planEntry;

const channel: ChannelView = {
  id: 'c1',
  platform: 'bluesky',
  name: 'Bluesky Stadt',
  handle: '',
  color: '#003366',
  active: true,
  textLimit: null,
  version: 1,
};
const topic: TopicView = { id: 't1', name: 'Kultur', color: '#ffcc00', sensitive: false, version: 1 };

function context(overrides: Partial<PostEventContext> = {}): PostEventContext {
  return {
    timeZone: 'Europe/Berlin',
    colourBy: 'channel',
    channels: new Map([[channel.id, channel]]),
    topics: new Map([[topic.id, topic]]),
    statusLabel: (status) => `Status ${status}`,
    mayReplan: () => true,
    ...overrides,
  };
}

describe('posts as calendar events', () => {
  it('shows a timed post at its wall-clock time in the authority zone', () => {
    const event = postEvent(entry(), context());

    expect(event).toMatchObject({ id: 'p1', title: 'Tag der offenen Tür', start: '2026-11-24T10:00', allDay: false });
    expect(event?.extendedProps).toMatchObject({ kind: 'post', status: 'draft', statusLabel: 'Status draft', channelNames: 'Bluesky Stadt', time: '10:00' });
  });

  it('carries the published post\'s address, and only for a published post', () => {
    const url = 'https://social.example/@stadt/1';
    expect(postEvent(entry({ status: 'published', publishedUrl: url }), context())?.extendedProps).toMatchObject({ publishedUrl: url });
    expect(postEvent(entry({ status: 'scheduled', publishedUrl: url }), context())?.extendedProps).toMatchObject({ publishedUrl: null });
    expect(postEvent(entry({ status: 'published' }), context())?.extendedProps).toMatchObject({ publishedUrl: null });
  });

  it('keeps summer time: 08:00Z in July is 10:00 in Berlin', () => {
    expect(postEvent(entry({ planning: { kind: 'time', at: '2026-07-01T08:00:00.000Z' } }), context())?.start).toBe('2026-07-01T10:00');
  });

  it('shows a post planned for a day as an all-day event and leaves unplanned posts out', () => {
    expect(postEvent(entry({ planning: { kind: 'day', date: '2026-11-25' } }), context())).toMatchObject({ start: '2026-11-25', allDay: true, extendedProps: { time: null } });
    expect(postEvent(entry({ planning: { kind: 'unplanned' } }), context())).toBeNull();
  });

  it('colours by channel or by topic with readable text', () => {
    expect(postEvent(entry(), context())).toMatchObject({ color: '#003366', contrastColor: '#ffffff' });
    expect(postEvent(entry(), context({ colourBy: 'topic' }))).toMatchObject({ color: '#ffcc00', contrastColor: '#000000' });
    expect(postEvent(entry({ topicId: null }), context({ colourBy: 'topic' }))?.color).toBe('#e3e3e3');
  });

  it('takes the colour of the first channel the authority still has', () => {
    const other: ChannelView = { ...channel, id: 'c2', name: 'Mastodon Stadt', color: '#6364ff' };
    const channels = new Map([[channel.id, channel], [other.id, other]]);
    expect(postColour(entry({ channelIds: ['gone', 'c2', 'c1'] }), { colourBy: 'channel', channels, topics: new Map() })).toBe('#6364ff');
    expect(postColour(entry({ channelIds: [] }), { colourBy: 'channel', channels, topics: new Map() })).toBe('#e3e3e3');
  });

  it('names the channels of the entry in their order', () => {
    const other: ChannelView = { ...channel, id: 'c2', name: 'Mastodon Stadt' };
    const event = postEvent(entry({ channelIds: ['c2', 'c1'] }), context({ channels: new Map([[channel.id, channel], [other.id, other]]) }));
    expect(event?.extendedProps).toMatchObject({ channelNames: 'Mastodon Stadt, Bluesky Stadt' });
  });

  it('lets only those who may re-plan the post drag it', () => {
    expect(postEvent(entry(), context({ mayReplan: () => false }))?.startEditable).toBe(false);
  });

  it('marks an entry with its most severe finding', () => {
    expect(findingMarker({ findingSeverity: null })).toBeNull();
    expect(findingMarker({ findingSeverity: 'warning' })).toBe('warning');
    expect(findingMarker({ findingSeverity: 'hard' })).toBe('hard');
    expect(postEvent(entry({ findingSeverity: 'hard' }), context())?.extendedProps).toMatchObject({ marker: 'hard' });
  });

  it('lets the permission decide per entry', () => {
    const mayReplan = (candidate: PlanEntryView) => candidate.authorUserId === 'u1';
    expect(postEvent(entry(), context({ mayReplan }))?.startEditable).toBe(true);
    expect(postEvent(entry({ authorUserId: 'u2' }), context({ mayReplan }))?.startEditable).toBe(false);
  });
});

describe('series slots and holidays', () => {
  const series = new Map([['s1', { id: 's1', name: '#Tierheimdienstag' } as SeriesView]]);

  it('shows only open slots, labelled as free', () => {
    const events = openSlotEvents(
      [
        { seriesId: 's1', at: '2026-11-24T09:00:00.000Z', postId: null },
        { seriesId: 's1', at: '2026-12-01T09:00:00.000Z', postId: 'p9' },
      ],
      series,
      'Europe/Berlin',
      (name) => `Freier Termin: ${name}`,
    );

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ title: 'Freier Termin: #Tierheimdienstag', start: '2026-11-24T10:00', startEditable: false });
    expect(events[0].extendedProps).toEqual({ kind: 'slot', seriesId: 's1', at: '2026-11-24T09:00:00.000Z', seriesName: '#Tierheimdienstag', time: '10:00' });
  });

  it('shows holidays as background events of their day', () => {
    expect(holidayEvents([{ date: '2026-12-25', name: '1. Weihnachtstag' }])[0]).toMatchObject({
      start: '2026-12-25',
      allDay: true,
      display: 'background',
      title: '1. Weihnachtstag',
    });
  });
});

describe('dropped planning', () => {
  it('turns a drop on a day into a day planning', () => {
    expect(droppedPlanning('2026-11-26', true, 'Europe/Berlin')).toEqual({ kind: 'day', date: '2026-11-26' });
  });

  it('turns a drop at a time into the instant of that wall-clock time', () => {
    expect(droppedPlanning('2026-11-26T14:30:00+01:00', false, 'Europe/Berlin')).toEqual({ kind: 'time', at: '2026-11-26T13:30:00.000Z' });
    expect(droppedPlanning('2026-07-02T14:30:00', false, 'Europe/Berlin')).toEqual({ kind: 'time', at: '2026-07-02T12:30:00.000Z' });
  });
});

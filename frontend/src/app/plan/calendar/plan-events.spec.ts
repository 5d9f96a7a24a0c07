import type { ChannelView, PostView, SeriesView, TopicView } from '@amtsplan/contracts';
import { droppedPlanning } from './dropped-planning';
import { type PostEventContext, findingMarker, holidayEvents, openSlotEvents, postEvent } from './plan-events';

function post(overrides: Partial<PostView> = {}): PostView {
  return {
    id: 'p1',
    workingTitle: 'Tag der offenen Tür',
    text: '',
    variants: [{ channelId: 'c1', text: null }],
    planning: { kind: 'time', at: '2026-11-24T09:00:00.000Z' },
    timeZone: 'Europe/Berlin',
    status: 'draft',
    topicId: 't1',
    tags: [],
    responsibleUserId: null,
    authorUserId: 'u1',
    checklist: [],
    media: [],
    seriesId: null,
    seriesSlotAt: null,
    findings: [],
    version: 3,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

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
    const event = postEvent(post(), context());

    expect(event).toMatchObject({ id: 'p1', title: 'Tag der offenen Tür', start: '2026-11-24T10:00', allDay: false });
    expect(event?.extendedProps).toMatchObject({ kind: 'post', status: 'draft', statusLabel: 'Status draft', channelNames: 'Bluesky Stadt' });
  });

  it('keeps summer time: 08:00Z in July is 10:00 in Berlin', () => {
    expect(postEvent(post({ planning: { kind: 'time', at: '2026-07-01T08:00:00.000Z' } }), context())?.start).toBe('2026-07-01T10:00');
  });

  it('shows a post planned for a day as an all-day event and leaves unplanned posts out', () => {
    expect(postEvent(post({ planning: { kind: 'day', date: '2026-11-25' } }), context())).toMatchObject({ start: '2026-11-25', allDay: true });
    expect(postEvent(post({ planning: { kind: 'unplanned' } }), context())).toBeNull();
  });

  it('colours by channel or by topic with readable text', () => {
    expect(postEvent(post(), context())).toMatchObject({ color: '#003366', contrastColor: '#ffffff' });
    expect(postEvent(post(), context({ colourBy: 'topic' }))).toMatchObject({ color: '#ffcc00', contrastColor: '#000000' });
    expect(postEvent(post({ topicId: null }), context({ colourBy: 'topic' }))?.color).toBe('#e3e3e3');
  });

  it('lets only those who may re-plan the post drag it', () => {
    expect(postEvent(post(), context({ mayReplan: () => false }))?.startEditable).toBe(false);
  });

  it('marks hard findings before warnings', () => {
    const warning = { code: 'x', severity: 'warning' as const, message: 'Hinweis' };
    const hard = { code: 'y', severity: 'hard' as const, message: 'Zu lang' };
    expect(findingMarker({ findings: [] })).toBeNull();
    expect(findingMarker({ findings: [warning] })).toBe('warning');
    expect(findingMarker({ findings: [warning, hard] })).toBe('hard');
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
    expect(events[0].extendedProps).toEqual({ kind: 'slot', seriesId: 's1', at: '2026-11-24T09:00:00.000Z', seriesName: '#Tierheimdienstag' });
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

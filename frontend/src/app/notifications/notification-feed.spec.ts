import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { NotificationView } from '@amtsplan/contracts';
import { type LiveEventSource, NotificationFeed, OPEN_EVENT_SOURCE, RECONNECT_DELAYS_MS } from './notification-feed';

/** Stands in for the browser's EventSource; the test plays the server. */
class FakeEventSource implements LiveEventSource {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.onopen?.(new Event('open'));
  }

  emit(type: string, data: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }

  fail(): void {
    this.onerror?.(new Event('error'));
  }
}

const notification = (id: string, readAt: string | null = null): NotificationView => ({
  id,
  organization: { id: 'org-1', name: 'Stadt Musterstadt' },
  kind: 'approval_requested',
  title: `Freigabe erbeten ${id}`,
  body: '',
  link: `/o/org-1/freigaben/${id}`,
  createdAt: '2026-11-20T10:00:00Z',
  readAt,
});

describe('NotificationFeed', () => {
  let sources: FakeEventSource[];
  let feed: NotificationFeed;
  let http: HttpTestingController;
  const latestSource = () => sources[sources.length - 1]!;

  beforeEach(() => {
    jest.useFakeTimers();
    sources = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: OPEN_EVENT_SOURCE,
          useValue: (url: string) => {
            const source = new FakeEventSource(url);
            sources.push(source);
            return source;
          },
        },
      ],
    });
    feed = TestBed.inject(NotificationFeed);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    feed.stop();
    http.verify();
    jest.useRealTimers();
  });

  it('follows the unread count the stream sends and connects only once', () => {
    feed.start();
    feed.start();
    expect(sources.map((s) => s.url)).toEqual(['/api/notifications/stream']);
    latestSource().open();
    expect(feed.connected()).toBe(true);
    latestSource().emit('unread', { unreadCount: 3 });
    expect(feed.unreadCount()).toBe(3);
    latestSource().emit('unread', { unreadCount: 0 });
    expect(feed.unreadCount()).toBe(0);
  });

  it('puts arriving notifications on top of the loaded list, once each, and reports them', () => {
    const arrived: string[] = [];
    feed.arrivals.subscribe((n) => arrived.push(n.id));
    feed.start();
    latestSource().emit('notification', notification('before-load'));
    expect(feed.latest()).toBeNull();

    feed.loadLatest();
    http.expectOne('/api/notifications?limit=10').flush({ items: [notification('a', '2026-11-20T11:00:00Z')], nextCursor: null });
    expect(feed.latest()?.map((n) => n.id)).toEqual(['a']);
    latestSource().emit('notification', notification('b'));
    latestSource().emit('notification', notification('b'));
    expect(feed.latest()?.map((n) => n.id)).toEqual(['b', 'a']);
    expect(arrived).toEqual(['before-load', 'b', 'b']);
  });

  it('marks one and all as read, taking the count from the server', () => {
    feed.start();
    latestSource().emit('unread', { unreadCount: 2 });
    feed.loadLatest();
    http.expectOne('/api/notifications?limit=10').flush({ items: [notification('a'), notification('b')], nextCursor: null });

    feed.markRead(notification('a')).subscribe();
    const read = http.expectOne('/api/notifications/a/read');
    expect(read.request.method).toBe('POST');
    read.flush({ unreadCount: 1 });
    expect(feed.unreadCount()).toBe(1);
    expect(feed.latest()?.map((n) => n.readAt !== null)).toEqual([true, false]);

    feed.markAllRead().subscribe();
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush({ unreadCount: 0 });
    expect(feed.unreadCount()).toBe(0);
    expect(feed.latest()?.every((n) => n.readAt !== null)).toBe(true);
  });

  it('reconnects after a growing wait, asking for the count over HTTP first', () => {
    feed.start();
    const first = latestSource();
    first.open();
    first.fail();
    expect(first.closed).toBe(true);
    expect(feed.connected()).toBe(false);

    // Not before the first wait is over (plus at most 20 % jitter).
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[0]! - 1);
    http.expectNone('/api/notifications/unread-count');
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[0]! * 0.2 + 1);
    http.expectOne('/api/notifications/unread-count').flush({ unreadCount: 4 });
    expect(feed.unreadCount()).toBe(4);
    expect(sources).toHaveLength(2);

    // Failing again without ever opening: the next wait is longer.
    latestSource().fail();
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[0]! * 1.2 + 1);
    http.expectNone('/api/notifications/unread-count');
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[1]! * 1.2);
    http.expectOne('/api/notifications/unread-count').error(new ProgressEvent('error'), { status: 0 });
    expect(sources).toHaveLength(2);
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[2]! * 1.2 + 1);
    http.expectOne('/api/notifications/unread-count').flush({ unreadCount: 4 });
    expect(sources).toHaveLength(3);

    // Once open again, the waits start from the beginning.
    latestSource().open();
    latestSource().fail();
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[0]! * 1.2 + 1);
    http.expectOne('/api/notifications/unread-count').flush({ unreadCount: 4 });
    expect(sources).toHaveLength(4);
  });

  it('stops for good when the session is over', () => {
    feed.start();
    latestSource().emit('unread', { unreadCount: 2 });
    latestSource().fail();
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[0]! * 1.2 + 1);
    http.expectOne('/api/notifications/unread-count').flush({ type: 'urn:amtsplan:problem:unauthenticated' }, { status: 401, statusText: 'Unauthorized' });
    expect(feed.unreadCount()).toBe(0);
    jest.advanceTimersByTime(RECONNECT_DELAYS_MS[RECONNECT_DELAYS_MS.length - 1]! * 2);
    http.expectNone('/api/notifications/unread-count');
    expect(sources).toHaveLength(1);
  });
});

import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import type { CrisisChanged, NotificationView, PlanChanged, UnreadCount } from '@amtsplan/contracts';
import { NOTIFICATION_STREAM_EVENT_NAMES as NOTIFICATION_STREAM_EVENTS } from '../shared/http/api-contract';
import { type Observable, Subject, map, tap } from 'rxjs';
import { NOTIFICATION_STREAM_URL, NotificationsApi } from './notifications-api';

/** The part of the browser's EventSource the feed uses; unit tests hand in a fake. */
export interface LiveEventSource {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export const OPEN_EVENT_SOURCE = new InjectionToken<(url: string) => LiveEventSource>('OPEN_EVENT_SOURCE', {
  providedIn: 'root',
  factory: () => (url: string) => new EventSource(url) as unknown as LiveEventSource,
});

/** Waits before reconnecting after the live connection broke, growing with each failure in a row. */
export const RECONNECT_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

/** In `crisisChanges` and `planChanges`: every organization may have changed (the stream was (re)opened). */
export const ANY_ORGANIZATION = '*';

/** Whether a change reported by `crisisChanges` or `planChanges` may concern this organization. */
export function concernsOrganization(changed: string, organizationId: string): boolean {
  return changed === ANY_ORGANIZATION || changed === organizationId;
}

/** How many notifications the bell's panel shows. */
export const LATEST_LIMIT = 10;

/**
 * The bell's state: the unread count, kept current by the server's live stream, and the latest
 * notifications, loaded when the panel opens and extended by what arrives meanwhile.
 *
 * The browser's own EventSource reconnect is not used: on an error the connection is closed,
 * and after a growing wait (with some jitter, so a restarted server is not hit by everyone at
 * once) the count is asked for over plain HTTP first. That refreshes the badge, and a 401 there
 * ends the session in the app (login page) instead of retrying forever.
 */
@Injectable({ providedIn: 'root' })
export class NotificationFeed {
  private readonly api = inject(NotificationsApi);
  private readonly openEventSource = inject(OPEN_EVENT_SOURCE);

  private readonly unread = signal(0);
  private readonly items = signal<readonly NotificationView[] | null>(null);
  private readonly failed = signal(false);
  private readonly live = signal(false);
  private readonly arrived = new Subject<NotificationView>();
  private readonly crisis = new Subject<string>();
  private readonly plan = new Subject<string>();

  readonly unreadCount = this.unread.asReadonly();
  /** Null until loaded. */
  readonly latest = this.items.asReadonly();
  readonly loadFailed = this.failed.asReadonly();
  /** Whether the live connection is open. */
  readonly connected = this.live.asReadonly();
  /** Notifications that arrived while the app was open, for announcing them. */
  readonly arrivals: Observable<NotificationView> = this.arrived.asObservable();
  /**
   * Organizations whose crisis state changed (incident, timeline, checklist, alerts, stop), from
   * the live stream; ANY_ORGANIZATION after a (re)connect, since changes may have been missed.
   */
  readonly crisisChanges: Observable<string> = this.crisis.asObservable();
  /**
   * Organizations whose posts changed (a colleague, the publisher, an import), at most once a
   * second each, from the live stream; ANY_ORGANIZATION after a (re)connect.
   */
  readonly planChanges: Observable<string> = this.plan.asObservable();

  private source: LiveEventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private running = false;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.source?.close();
    this.source = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.failures = 0;
    this.live.set(false);
    this.unread.set(0);
    this.items.set(null);
    this.failed.set(false);
  }

  loadLatest(): void {
    this.failed.set(false);
    this.api.latest(LATEST_LIMIT).subscribe({
      next: (page) => this.items.set(page.items),
      error: () => this.failed.set(true),
    });
  }

  /** Marks one notification read (nothing to do when it already is). */
  markRead(notification: NotificationView): Observable<void> {
    return this.markedRead(this.api.markRead(notification.id), (item) => item.id === notification.id);
  }

  markAllRead(): Observable<void> {
    return this.markedRead(this.api.markAllRead(), () => true);
  }

  /** Once the server has answered: its unread count for the badge, and the matching unread items shown as read. */
  private markedRead(request: Observable<number>, matches: (item: NotificationView) => boolean): Observable<void> {
    return request.pipe(
      tap((unreadCount) => {
        this.unread.set(unreadCount);
        const readAt = new Date().toISOString();
        this.items.update((items) => items?.map((item) => (!item.readAt && matches(item) ? { ...item, readAt } : item)) ?? null);
      }),
      map(() => undefined),
    );
  }

  private connect(): void {
    const source = this.openEventSource(NOTIFICATION_STREAM_URL);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.live.set(true);
      this.crisis.next(ANY_ORGANIZATION);
      this.plan.next(ANY_ORGANIZATION);
    };
    source.onerror = () => {
      if (this.source !== source) return;
      source.close();
      this.source = null;
      this.live.set(false);
      this.reconnectLater();
    };
    source.addEventListener(NOTIFICATION_STREAM_EVENTS.unread, (event) => {
      this.unread.set((JSON.parse(event.data) as UnreadCount).unreadCount);
    });
    source.addEventListener(NOTIFICATION_STREAM_EVENTS.notification, (event) => {
      const notification = JSON.parse(event.data) as NotificationView;
      this.items.update((items) => (items ? [notification, ...items.filter((item) => item.id !== notification.id)].slice(0, LATEST_LIMIT) : items));
      this.arrived.next(notification);
    });
    source.addEventListener(NOTIFICATION_STREAM_EVENTS.crisis, (event) => {
      this.crisis.next((JSON.parse(event.data) as CrisisChanged).organizationId);
    });
    source.addEventListener(NOTIFICATION_STREAM_EVENTS.plan, (event) => {
      this.plan.next((JSON.parse(event.data) as PlanChanged).organizationId);
    });
  }

  private reconnectLater(): void {
    if (!this.running) return;
    const base = RECONNECT_DELAYS_MS[Math.min(this.failures, RECONNECT_DELAYS_MS.length - 1)];
    this.failures += 1;
    const delay = Math.round(base * (1 + Math.random() * 0.2));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.api.unreadCount().subscribe({
        next: (unreadCount) => {
          this.unread.set(unreadCount);
          if (this.running) this.connect();
        },
        error: (error: unknown) => {
          // 401: the session is over (the interceptor shows the login page); anything else: wait longer.
          if (error instanceof HttpErrorResponse && error.status === 401) this.stop();
          else this.reconnectLater();
        },
      });
    }, delay);
  }
}

import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NOTIFICATION_STREAM_EVENTS } from '@amtsplan/contracts';
import { sessionState } from '@amtsplan/domain';
import type { FastifyReply } from 'fastify';
import { SessionRepository } from '../auth/session.repository';
import { Sessions } from '../auth/sessions';
import { Database } from '../database/database';
import { Change, ChangeFeed } from '../read-cache/change-feed';
import { NotificationInbox } from './notification-inbox';
import { NotificationStream } from './notification-stream';

/** Well below nginx's 300 s proxy_read_timeout and the 30 s the product asks for. */
export const HEARTBEAT_MS = 25_000;
/** How far back a change looks for notifications the tab has not seen (covers slow commits). */
const RECENT_SECONDS = 600;
const RECENT_LIMIT = 20;
/** More tabs than this for one person: the oldest stream is closed (its tab reconnects when used). */
const MAX_STREAMS_PER_USER = 10;
/** Plan changes of one organization within this window go out as one `plan` event. */
export const PLAN_EVENT_WINDOW_MS = 1_000;

/**
 * The open live streams of this api process. A change to a person's notifications (from the
 * change feed) makes each of that person's streams re-read the unread count and what arrived
 * recently, then send what is new. Heartbeats keep idle connections open; a stream whose
 * session has ended (logout, timeout) is closed, without the stream itself keeping the session
 * alive. On shutdown every stream is ended, so the server can close.
 */
@Injectable()
export class NotificationStreams implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationStreams');
  private readonly byUser = new Map<string, Set<NotificationStream>>();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  /** Organizations with plan changes waiting for the end of their window. */
  private readonly planWindows = new Map<string, NodeJS.Timeout>();
  private unsubscribe: (() => void) | null = null;
  private closing = false;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly inbox: NotificationInbox,
    private readonly database: Database,
    private readonly sessionRows: SessionRepository,
    private readonly sessions: Sessions,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.feed.subscribe((change) => this.changed(change));
    this.heartbeatTimer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    this.unsubscribe?.();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    for (const timer of this.planWindows.values()) clearTimeout(timer);
    this.planWindows.clear();
    for (const stream of this.all()) stream.end();
    this.byUser.clear();
  }

  /** Takes over the answer: status, headers and then events until the tab or the server closes it. */
  async open(reply: FastifyReply, userId: string, sessionTokenHash: string): Promise<void> {
    reply.hijack();
    const stream = new NotificationStream(userId, sessionTokenHash, reply.raw);
    if (this.closing) {
      reply.raw.writeHead(503, { 'retry-after': '5' }).end();
      return;
    }
    stream.start({
      ...(reply.getHeaders() as Record<string, string | number | string[]>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    const streams = this.byUser.get(userId) ?? new Set<NotificationStream>();
    this.byUser.set(userId, streams);
    streams.add(stream);
    if (streams.size > MAX_STREAMS_PER_USER) streams.values().next().value?.end();
    stream.onClose(() => {
      streams.delete(stream);
      if (streams.size === 0 && this.byUser.get(userId) === streams) this.byUser.delete(userId);
    });
    await this.refresh(stream, true);
  }

  /** Number of open streams (for tests and health). */
  get openCount(): number {
    let count = 0;
    for (const streams of this.byUser.values()) count += streams.size;
    return count;
  }

  /** After a gap in the feed (`lost`) every stream re-reads, since changes may have been missed. */
  private changed(change: Change | 'lost'): void {
    if (change !== 'lost' && change.kind === 'crisis') {
      void this.tellMembers(change.organizationId, NOTIFICATION_STREAM_EVENTS.crisis, 'Krisenänderung');
      return;
    }
    if (change !== 'lost' && change.kind === 'plan') {
      this.planChanged(change.organizationId);
      return;
    }
    if (change !== 'lost' && change.kind !== 'notifications') return;
    const targets = change === 'lost' ? this.all() : [...(this.byUser.get(change.userId) ?? [])];
    for (const stream of targets) void this.refresh(stream, false);
  }

  /**
   * Posts of the organization changed. A busy plan (the publisher at the top of the hour, an
   * import) changes many times a second; its members' tabs hear of it once per window, at the
   * window's end, so what they read then includes every change of the window.
   */
  private planChanged(organizationId: string): void {
    if (this.byUser.size === 0 || this.planWindows.has(organizationId)) return;
    const timer = setTimeout(() => {
      this.planWindows.delete(organizationId);
      void this.tellMembers(organizationId, NOTIFICATION_STREAM_EVENTS.plan, 'Planänderung');
    }, PLAN_EVENT_WINDOW_MS);
    timer.unref();
    this.planWindows.set(organizationId, timer);
  }

  /**
   * Tells the open streams of the organization's members that something of it changed (the
   * crisis state: the banner and the incident page read again; the plan: the open post's
   * publication panel). Only the organization's id is sent.
   */
  private async tellMembers(organizationId: string, event: string, what: string): Promise<void> {
    if (this.byUser.size === 0) return;
    try {
      const members: Array<{ userId: string }> = await this.database.transaction({ organizationId }, ({ manager }) =>
        manager.query(`SELECT user_id AS "userId" FROM memberships WHERE organization_id = $1`, [organizationId]),
      );
      for (const { userId } of members) {
        for (const stream of this.byUser.get(userId) ?? []) stream.send(event, { organizationId });
      }
    } catch (error) {
      this.logger.warn(`${what} nicht weitergegeben: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Re-reads for one stream; changes arriving meanwhile are folded into one more read. */
  private async refresh(stream: NotificationStream, initial: boolean): Promise<void> {
    if (stream.refreshing) {
      stream.refreshAgain = true;
      return;
    }
    stream.refreshing = true;
    try {
      let first = initial;
      do {
        stream.refreshAgain = false;
        const { unreadCount, recent } = await this.inbox.snapshot(stream.userId, RECENT_SECONDS, RECENT_LIMIT);
        if (stream.closed) return;
        // Oldest first, so the tab can put each one on top as it comes.
        for (const notification of [...recent].reverse()) {
          if (!first && !stream.seen.has(notification.id)) stream.send(NOTIFICATION_STREAM_EVENTS.notification, notification);
        }
        stream.seen = new Set(recent.map((n) => n.id));
        if (unreadCount !== stream.lastUnread) {
          stream.lastUnread = unreadCount;
          stream.send(NOTIFICATION_STREAM_EVENTS.unread, { unreadCount });
        }
        first = false;
      } while (stream.refreshAgain && !stream.closed);
    } catch (error) {
      this.logger.warn(`Stream nicht aktualisiert: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      stream.refreshing = false;
    }
  }

  /** Runs every HEARTBEAT_MS: a comment line to every stream, then the session check. */
  async beat(): Promise<void> {
    const streams = this.all();
    for (const stream of streams) stream.heartbeat();
    const tokens = [...new Set(streams.map((s) => s.sessionTokenHash))];
    for (const tokenHash of tokens) {
      const active = await this.sessionActive(tokenHash).catch(() => true);
      if (!active) for (const stream of streams.filter((s) => s.sessionTokenHash === tokenHash)) stream.end();
    }
  }

  /** Looks without touching: an open stream must not keep an idle session alive. */
  private sessionActive(tokenHash: string): Promise<boolean> {
    return this.database.transaction({}, async ({ manager }) => {
      const found = await this.sessionRows.findWithUser(manager, tokenHash);
      return found !== null && sessionState(found.session, new Date(), this.sessions.policy) === 'active';
    });
  }

  private all(): NotificationStream[] {
    return [...this.byUser.values()].flatMap((streams) => [...streams]);
  }
}

import type { NotificationView } from '@amtsplan/contracts';
import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import type { SessionRepository } from '../auth/session.repository';
import type { Sessions } from '../auth/sessions';
import type { Database } from '../database/database';
import type { AppConfig } from '../config/app-config';
import { type Change, ChangeFeed } from '../read-cache/change-feed';
import { LocalNotificationChanges } from './local-notification-changes';
import type { NotificationInbox } from './notification-inbox';
import { HEARTBEAT_MS, NotificationStreams } from './notification-streams';

/** The parts of node's ServerResponse the stream uses, recording what was written. */
class FakeResponse extends EventEmitter {
  status = 0;
  headers: Record<string, unknown> = {};
  written = '';
  writableEnded = false;
  destroyed = false;
  writeHead(status: number, headers: Record<string, unknown>) {
    this.status = status;
    this.headers = headers;
    return this;
  }
  write(chunk: string) {
    this.written += chunk;
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
  }
}

const view = (id: string): NotificationView => ({
  id,
  organization: { id: 'o1', name: 'Stadt Musterstadt' },
  kind: 'approval_requested',
  title: `Titel ${id}`,
  body: '',
  link: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  readAt: null,
});

describe('NotificationStreams', () => {
  let emit: (change: Change | 'lost') => void;
  const announce = (userId: string) => emit({ kind: 'notifications', userId });
  let snapshot: { unreadCount: number; recent: NotificationView[] };
  let sessionActive: boolean;
  let streams: NotificationStreams;

  beforeEach(() => {
    jest.useFakeTimers();
    snapshot = { unreadCount: 2, recent: [view('a')] };
    sessionActive = true;
    const feed = { subscribe: (listener: (change: Change | 'lost') => void) => ((emit = listener), () => undefined) };
    streams = build(feed as unknown as ChangeFeed);
  });
  afterEach(() => {
    streams.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  function build(feed: ChangeFeed): NotificationStreams {
    const inbox = { snapshot: async () => snapshot };
    const database = { transaction: (_scope: unknown, work: (tx: { manager: unknown }) => Promise<unknown>) => work({ manager: {} }) };
    const sessionRows = {
      findWithUser: async () => (sessionActive ? { session: { createdAt: new Date(), lastSeenAt: new Date() }, user: {} } : null),
    };
    const sessions = { policy: { idleMs: 60 * 60_000, absoluteMs: 12 * 60 * 60_000 } };
    const built = new NotificationStreams(
      feed,
      inbox as unknown as NotificationInbox,
      database as unknown as Database,
      sessionRows as unknown as SessionRepository,
      sessions as unknown as Sessions,
    );
    built.onModuleInit();
    return built;
  }

  async function open(userId = 'u1'): Promise<FakeResponse> {
    const response = new FakeResponse();
    const reply = { hijack: jest.fn(), raw: response, getHeaders: () => ({ 'x-content-type-options': 'nosniff' }) };
    await streams.open(reply as unknown as FastifyReply, userId, `token-${userId}`);
    expect(reply.hijack).toHaveBeenCalled();
    return response;
  }

  const events = (response: FakeResponse) => [...response.written.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('answers as an event stream with the security headers and the unread count, then a heartbeat every 25 s', async () => {
    const response = await open();
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    expect(events(response)).toEqual(['unread {"unreadCount":2}']);
    expect(response.written).not.toContain(': ping');

    jest.advanceTimersByTime(HEARTBEAT_MS - 1);
    expect(response.written).not.toContain(': ping');
    jest.advanceTimersByTime(1);
    await settle();
    expect(response.written.match(/^: ping$/gm)).toHaveLength(1);
    expect(HEARTBEAT_MS).toBeLessThanOrEqual(30_000);
  });

  it('sends each new notification once and the count only when it changed, only to that person', async () => {
    const mine = await open('u1');
    const theirs = await open('u2');
    snapshot = { unreadCount: 3, recent: [view('b'), view('a')] };
    announce('u1');
    await settle();
    announce('u1');
    await settle();
    expect(events(mine)).toEqual(['unread {"unreadCount":2}', `notification ${JSON.stringify(view('b'))}`, 'unread {"unreadCount":3}']);
    expect(events(theirs)).toEqual(['unread {"unreadCount":2}']);

    emit('lost');
    await settle();
    expect(events(theirs)).toEqual(['unread {"unreadCount":2}', `notification ${JSON.stringify(view('b'))}`, 'unread {"unreadCount":3}']);
  });

  it('closes streams whose session ended, and all of them on shutdown', async () => {
    const response = await open('u1');
    sessionActive = false;
    await streams.beat();
    expect(response.writableEnded).toBe(true);
    expect(streams.openCount).toBe(0);

    sessionActive = true;
    const other = await open('u2');
    streams.beforeApplicationShutdown();
    expect(other.writableEnded).toBe(true);
    const late = new FakeResponse();
    await streams.open({ hijack: jest.fn(), raw: late, getHeaders: () => ({}) } as unknown as FastifyReply, 'u3', 'token-u3');
    expect(late.status).toBe(503);
  });

  it('with the embedded database, passes on the changes made in this process (no LISTEN there)', async () => {
    streams.beforeApplicationShutdown();
    const feed = new ChangeFeed({ databaseUrl: 'pglite:/tmp/amtsplan' } as AppConfig);
    await feed.onModuleInit();
    streams = build(feed);
    const mine = await open('u1');
    snapshot = { unreadCount: 3, recent: [view('b'), view('a')] };
    LocalNotificationChanges.announce(['u1']);
    await settle();
    expect(events(mine)).toEqual(['unread {"unreadCount":2}', `notification ${JSON.stringify(view('b'))}`, 'unread {"unreadCount":3}']);

    await feed.onApplicationShutdown();
    snapshot = { unreadCount: 4, recent: [view('c'), view('b'), view('a')] };
    LocalNotificationChanges.announce(['u1']);
    await settle();
    expect(events(mine)).toHaveLength(3);
  });
});

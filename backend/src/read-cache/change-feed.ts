import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LocalNotificationChanges } from '../notifications/local-notification-changes';

/** Channels the database triggers notify on commit (migration CreateChangeNotifications). */
export const PLAN_CHANNEL = 'amtsplan_plan';
export const ACCESS_CHANNEL = 'amtsplan_access';
/** Migration CreateNotifications; payload: the recipient's id. */
export const NOTIFICATIONS_CHANNEL = 'amtsplan_notifications';
/** Migration CreateCrisisDetections; payload: the organization's id. */
export const CRISIS_CHANNEL = 'amtsplan_crisis';
const PING_CHANNEL = 'amtsplan_ping';

export type Change =
  /** Posts or variants of this organization. */
  | { readonly kind: 'plan'; readonly organizationId: string }
  /** Sessions, users or memberships. */
  | { readonly kind: 'access' }
  /** This person's notifications. */
  | { readonly kind: 'notifications'; readonly userId: string }
  /** Incidents, their timeline, shitstorm alerts or the Kommunikationsstopp of this organization. */
  | { readonly kind: 'crisis'; readonly organizationId: string };

const PING_EVERY_MS = 5_000;
const RECONNECT_AFTER_MS = [250, 1_000, 5_000];

/**
 * Committed changes from PostgreSQL (LISTEN/NOTIFY), for this process's read caches and live
 * notification streams, on one connection.
 *
 * Triggers notify on commit, whoever wrote (any api process, the worker, the CLI). The caches
 * may only serve while the feed is `live`: the connection is up and a ping through the database
 * came back within the last interval. When it drops or stalls, and again when it is back, every
 * listener is told that changes may have been missed (`lost`); caching stays off until the feed
 * is live again. With the embedded database (`pglite:`) there is no feed and nothing is cached;
 * only the notification changes made in this process are passed on (LocalNotificationChanges).
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly listeners = new Set<(change: Change | 'lost') => void>();
  private readonly waiting = new Map<string, () => void>();
  private client: Client | null = null;
  private unsubscribeLocal: (() => void) | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private lastPingSent = 0;
  private lastPingSeen = 0;
  private attempts = 0;
  private stopped = false;
  private up = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** True while changes are known to arrive; a cache must not answer otherwise. */
  get live(): boolean {
    return this.up && Date.now() - this.lastPingSeen < 2 * PING_EVERY_MS;
  }

  subscribe(listener: (change: Change | 'lost') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once every change committed before the call has been delivered: notifications
   * arrive in commit order, so our own ping coming back means the earlier ones did too.
   */
  async sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.up) return;
    const token = randomUUID();
    const seen = new Promise<void>((resolve) => this.waiting.set(token, resolve));
    await client.query(`SELECT pg_notify($1, $2)`, [PING_CHANNEL, token]);
    await seen;
  }

  async onModuleInit(): Promise<void> {
    if (/^postgres(ql)?:/.test(this.config.databaseUrl)) await this.connect();
    else this.unsubscribeLocal = LocalNotificationChanges.subscribe((userId) => this.emit({ kind: 'notifications', userId }));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribeLocal?.();
    if (this.pingTimer) clearInterval(this.pingTimer);
    const client = this.client;
    this.client = null;
    this.up = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'amtsplan-change-feed' });
    client.on('notification', (message) => this.receive(message.channel, message.payload ?? ''));
    client.on('error', (error) => this.drop(client, error.message));
    client.on('end', () => this.drop(client, 'Verbindung beendet'));
    try {
      await client.connect();
      await client.query(`LISTEN ${PLAN_CHANNEL}; LISTEN ${ACCESS_CHANNEL}; LISTEN ${NOTIFICATIONS_CHANNEL}; LISTEN ${CRISIS_CHANNEL}; LISTEN ${PING_CHANNEL}`);
    } catch (error) {
      this.drop(client, error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.stopped) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempts = 0;
    this.up = true;
    this.lastPingSeen = Date.now();
    // Whatever happened while nobody listened is unknown: start from empty caches.
    this.emit('lost');
    this.pingTimer = setInterval(() => this.ping(client), PING_EVERY_MS);
    this.pingTimer.unref();
  }

  private ping(client: Client): void {
    if (this.lastPingSent > this.lastPingSeen + PING_EVERY_MS) {
      this.drop(client, 'keine Antwort auf den Ping');
      return;
    }
    this.lastPingSent = Date.now();
    client.query(`SELECT pg_notify($1, '')`, [PING_CHANNEL]).catch((error: Error) => this.drop(client, error.message));
  }

  private receive(channel: string, payload: string): void {
    if (channel === PING_CHANNEL) {
      this.lastPingSeen = Date.now();
      this.waiting.get(payload)?.();
      this.waiting.delete(payload);
      return;
    }
    if (channel === PLAN_CHANNEL) this.emit({ kind: 'plan', organizationId: payload });
    else if (channel === ACCESS_CHANNEL) this.emit({ kind: 'access' });
    else if (channel === NOTIFICATIONS_CHANNEL && payload) this.emit({ kind: 'notifications', userId: payload });
    else if (channel === CRISIS_CHANNEL && payload) this.emit({ kind: 'crisis', organizationId: payload });
  }

  private drop(client: Client, reason: string): void {
    if (client !== this.client && this.client !== null) return;
    const wasUp = this.up;
    this.up = false;
    this.client = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
    this.emit('lost');
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    if (wasUp) this.logger.warn(`Änderungsmeldungen unterbrochen (${reason}); Zwischenspeicher aus bis zur Wiederverbindung`);
    const delay = RECONNECT_AFTER_MS[Math.min(this.attempts++, RECONNECT_AFTER_MS.length - 1)];
    setTimeout(() => void this.connect(), delay).unref();
  }

  private emit(change: Change | 'lost'): void {
    for (const listener of this.listeners) listener(change);
  }
}

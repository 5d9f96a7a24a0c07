import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LocalNotificationChanges } from './local-notification-changes';

/** Channel the notifications trigger announces on commit (migration CreateNotifications); payload: recipient id. */
export const NOTIFICATIONS_CHANNEL = 'amtsplan_notifications';

/** A person whose notifications changed, or `everyone` after a gap in which changes may have been missed. */
export type NotificationChange = string | 'everyone';

const CHECK_EVERY_MS = 20_000;
const RECONNECT_AFTER_MS = [250, 1_000, 5_000, 15_000];

/**
 * Whose notifications changed, for this api process's live streams, whoever wrote them (any
 * api process, the worker, the CLI): PostgreSQL's LISTEN/NOTIFY on a connection of its own,
 * reconnecting when it breaks. After a reconnect every stream re-reads (`everyone`).
 * With the embedded database the changes of this process are used instead.
 */
@Injectable()
export class NotificationChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationChangeFeed');
  private readonly listeners = new Set<(change: NotificationChange) => void>();
  private client: Client | null = null;
  private readonly dropped = new WeakSet<Client>();
  private checkTimer: NodeJS.Timeout | null = null;
  private unsubscribeLocal: (() => void) | null = null;
  private attempts = 0;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  subscribe(listener: (change: NotificationChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onModuleInit(): Promise<void> {
    if (/^postgres(ql)?:/.test(this.config.databaseUrl)) await this.connect();
    else this.unsubscribeLocal = LocalNotificationChanges.subscribe((userId) => this.emit(userId));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribeLocal?.();
    if (this.checkTimer) clearInterval(this.checkTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'amtsplan-notification-feed', keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === NOTIFICATIONS_CHANNEL && message.payload) this.emit(message.payload);
    });
    client.on('error', (error) => this.drop(client, error.message));
    client.on('end', () => this.drop(client, 'Verbindung beendet'));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`);
    } catch (error) {
      this.drop(client, error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.attempts > 0;
    this.client = client;
    this.attempts = 0;
    if (reconnected) this.emit('everyone');
    // A connection that died silently shows itself only when used.
    this.checkTimer = setInterval(() => client.query('SELECT 1').catch((error: Error) => this.drop(client, error.message)), CHECK_EVERY_MS);
    this.checkTimer.unref();
  }

  private drop(client: Client, reason: string): void {
    if (this.dropped.has(client)) return;
    this.dropped.add(client);
    const wasUp = this.client === client;
    if (wasUp) this.client = null;
    if (this.checkTimer) clearInterval(this.checkTimer);
    this.checkTimer = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    if (wasUp) this.logger.warn(`Benachrichtigungs-Meldungen unterbrochen (${reason}); neuer Versuch`);
    const delay = RECONNECT_AFTER_MS[Math.min(this.attempts++, RECONNECT_AFTER_MS.length - 1)];
    setTimeout(() => void this.connect(), delay).unref();
  }

  private emit(change: NotificationChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { compareMastodonIds, type MastodonNotification } from '@amtsplan/domain';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/** Mastodon's maximum page of notifications. */
const PAGE_SIZE = 40;
/**
 * At most this many pages (400 mentions) per poll, every two minutes. Beyond that, the oldest
 * mentions since the last poll are skipped, and the answer says so (`truncated`).
 */
const MAX_PAGES = 10;
/** A 429 without a usable header pauses the channel this long. */
const DEFAULT_PAUSE_MS = 5 * 60_000;

export type MentionsAnswer =
  | { readonly kind: 'ok'; readonly notifications: MastodonNotification[]; readonly pauseUntil: Date | null; readonly truncated: boolean }
  | { readonly kind: 'token_rejected'; readonly httpStatus: number }
  | { readonly kind: 'rate_limited'; readonly pauseUntil: Date }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * GET /api/v1/notifications?types[]=mention with the channel's token: every mention newer than
 * `sinceId`, newest page first and then older pages with max_id (Mastodon answers since_id with
 * the newest page), so nothing between two polls is skipped. Replies to our statuses are
 * mentions of our account, so one type is enough.
 */
@Injectable()
export class MastodonNotificationsClient {
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutMs = config.publishRequestTimeoutMs;
  }

  async mentions(instanceUrl: string, accessToken: string, sinceId: string | null, now = new Date()): Promise<MentionsAnswer> {
    const found: MastodonNotification[] = [];
    let maxId: string | null = null;
    let pauseUntil: Date | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const url = new URL('/api/v1/notifications', instanceUrl);
      url.searchParams.append('types[]', 'mention');
      url.searchParams.set('limit', String(PAGE_SIZE));
      if (sinceId) url.searchParams.set('since_id', sinceId);
      if (maxId) url.searchParams.set('max_id', maxId);
      let response: Response;
      try {
        response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        return { kind: 'failed', message: `Mastodon nicht erreichbar: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (response.status === 401 || response.status === 403) return { kind: 'token_rejected', httpStatus: response.status };
      if (response.status === 429) return { kind: 'rate_limited', pauseUntil: rateLimitEnd(response.headers, now) ?? new Date(now.getTime() + DEFAULT_PAUSE_MS) };
      if (!response.ok) return { kind: 'failed', message: `Mastodon antwortete mit HTTP ${response.status}` };
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { kind: 'failed', message: 'Mastodon antwortete mit unlesbaren Daten' };
      }
      if (!Array.isArray(body)) return { kind: 'failed', message: 'Mastodon antwortete nicht mit einer Liste' };
      const notifications = (body as MastodonNotification[]).filter((n) => typeof n?.id === 'string');
      found.push(...notifications);
      // The last request left: wait for the window to reset rather than be answered 429.
      if (response.headers.get('x-ratelimit-remaining') === '0') pauseUntil = rateLimitEnd(response.headers, now);
      // A short page is the last one (Mastodon honours limits up to 80).
      if (notifications.length < PAGE_SIZE || pauseUntil) return { kind: 'ok', notifications: found, pauseUntil, truncated: false };
      maxId = notifications.map((n) => n.id).sort(compareMastodonIds)[0] ?? null;
    }
    return { kind: 'ok', notifications: found, pauseUntil, truncated: true };
  }
}

/** X-RateLimit-Reset (an ISO time) or Retry-After (seconds or an HTTP date), whichever is given. */
export function rateLimitEnd(headers: Headers, now: Date): Date | null {
  const reset = headers.get('x-ratelimit-reset');
  const retryAfter = headers.get('retry-after');
  if (reset && !Number.isNaN(Date.parse(reset))) return new Date(Math.max(Date.parse(reset), now.getTime()));
  if (retryAfter && /^\d+$/.test(retryAfter)) return new Date(now.getTime() + Number(retryAfter) * 1000);
  if (retryAfter && !Number.isNaN(Date.parse(retryAfter))) return new Date(Math.max(Date.parse(retryAfter), now.getTime()));
  return null;
}

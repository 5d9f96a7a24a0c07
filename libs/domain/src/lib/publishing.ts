/**
 * Rules for publish attempts. The one rule above all: never repeat a publish whose outcome
 * is unknown. A retry happens only when the error proves that nothing went out; otherwise
 * a person looks at the platform and confirms ("unbestätigt").
 */
export const PUBLISH_OUTCOME_KINDS = ['published', 'failed_retryable', 'failed_permanent', 'unknown'] as const;
export type PublishOutcomeKind = (typeof PUBLISH_OUTCOME_KINDS)[number];

export const PUBLISH_OUTCOME_LABELS: { readonly [K in PublishOutcomeKind]: string } = {
  published: 'Veröffentlicht',
  failed_retryable: 'Fehlgeschlagen, neuer Versuch folgt',
  failed_permanent: 'Fehlgeschlagen',
  unknown: 'Unbestätigt',
};

export type PublishOutcome =
  | { readonly kind: 'published'; readonly externalId: string; readonly url: string | null }
  | { readonly kind: 'failed_retryable'; readonly retryAfterMs: number; readonly message: string }
  | { readonly kind: 'failed_permanent'; readonly message: string }
  | { readonly kind: 'unknown'; readonly message: string };

export type PublishErrorOutcome = Exclude<PublishOutcome, { kind: 'published' }>;

/**
 * Where the adapter was when the error happened:
 * - `connect`: no byte of the request left (DNS, connection refused, TLS handshake);
 * - `before_accept`: the platform answered with a status that says it did not take the post;
 * - `after_send`: the request went out (perhaps partly) and no clear answer came back
 *   (timeout, reset, unreadable response). Nobody knows whether the post is online.
 */
export type PublishErrorPhase = 'connect' | 'before_accept' | 'after_send';

export interface PublishErrorFacts {
  readonly phase: PublishErrorPhase;
  readonly httpStatus?: number | null;
  /** The Retry-After header as received: seconds or an HTTP date. */
  readonly retryAfter?: string | number | null;
  /** E.g. ECONNREFUSED, ENOTFOUND, ETIMEDOUT. */
  readonly code?: string | null;
}

export interface PublishAttemptContext {
  /** The attempt that just failed, counting from 1. */
  readonly attempt: number;
  readonly now: Date;
  readonly maxAttempts?: number;
}

export const MAX_PUBLISH_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 15 * 60_000;

/**
 * Delay before attempt `attempt + 1`: 30 s, 1, 2, 4, 8 min …, at most 15 min. `jitter` in
 * [0, 1] (the caller's random number) adds up to a quarter, so many posts that failed
 * together do not return together.
 */
export function backoff(attempt: number, jitter = 0): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`Versuch ab 1 zählen, nicht ${attempt}`);
  if (!(jitter >= 0 && jitter <= 1)) throw new RangeError(`Zufallsanteil zwischen 0 und 1, nicht ${jitter}`);
  const delay = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt - 1, 30));
  return Math.round(delay * (1 + jitter / 4));
}

/** The HTTP date format every server sends (RFC 9110, IMF-fixdate). */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Milliseconds the Retry-After header asks to wait: delta-seconds or an IMF-fixdate. Null
 * when absent or unreadable (obsolete date formats included); the backoff applies then.
 */
export function parseRetryAfter(value: string | number | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * 1000 : null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!IMF_FIXDATE.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function retryable(message: string, facts: PublishErrorFacts, context: PublishAttemptContext): PublishErrorOutcome {
  const max = context.maxAttempts ?? MAX_PUBLISH_ATTEMPTS;
  if (context.attempt >= max) return { kind: 'failed_permanent', message: `Nach ${context.attempt} Versuchen aufgegeben. ${message}` };
  // Respect the platform's wish, but never retry faster than our own backoff.
  const asked = parseRetryAfter(facts.retryAfter, context.now) ?? 0;
  return { kind: 'failed_retryable', retryAfterMs: Math.max(asked, backoff(context.attempt)), message };
}

const UNKNOWN_MESSAGE =
  'Unklar, ob der Beitrag veröffentlicht wurde. Bitte auf der Plattform nachsehen und bestätigen; es gibt keinen automatischen neuen Versuch.';

/**
 * What a failed attempt means. Retried (with backoff, at most MAX_PUBLISH_ATTEMPTS times)
 * only when nothing went out: any error while connecting; 5xx, 429 and 408 answered
 * before the platform accepted the post (429 and 503 wait at least for Retry-After; a 429
 * without the header is a refusal all the same and waits for the backoff). Other 4xx are
 * permanent (token, rules of the platform): a person must act. Everything after sending,
 * and any answer that does not clearly refuse, is `unknown`.
 */
export function classifyPublishError(facts: PublishErrorFacts, context: PublishAttemptContext): PublishErrorOutcome {
  const status = facts.httpStatus ?? null;
  const code = facts.code ? ` (${facts.code})` : '';
  if (facts.phase === 'connect') {
    return retryable(`Keine Verbindung zur Plattform${code}; nichts wurde gesendet.`, facts, context);
  }
  if (facts.phase === 'before_accept' && status !== null) {
    if (status === 429) return retryable('Die Plattform begrenzt gerade die Anfragen (429); der Beitrag wurde nicht angenommen.', facts, context);
    if (status === 408) return retryable('Zeitüberschreitung bei der Plattform (408); der Beitrag wurde nicht angenommen.', facts, context);
    if (status >= 500 && status <= 599) {
      return retryable(`Serverfehler der Plattform (${status}), bevor sie den Beitrag angenommen hat.`, facts, context);
    }
    if (status === 401 || status === 403) {
      return { kind: 'failed_permanent', message: `Zugang abgelehnt (${status}). Bitte die Verbindung des Kanals prüfen.` };
    }
    if (status >= 400 && status <= 499) return { kind: 'failed_permanent', message: `Die Plattform hat den Beitrag abgelehnt (${status}).` };
  }
  return { kind: 'unknown', message: UNKNOWN_MESSAGE };
}

/** A post more than this late is "verpasst" and goes out only after a person confirms. */
export const DEFAULT_MISSED_TOLERANCE_MS = 2 * 60 * 60 * 1000;

/** Strictly more than the tolerance after the planned time; exactly at the tolerance is still on time. */
export function isMissed(plannedAt: Date, now: Date, toleranceMs = DEFAULT_MISSED_TOLERANCE_MS): boolean {
  return now.getTime() - plannedAt.getTime() > toleranceMs;
}

/** Job name shared with the backend's queue registry (jobId joins with `_`). */
export const PUBLISH_JOB_NAME = 'publish-post';

/**
 * The one publishing job of a post version: enqueueing it again is harmless, and a new
 * version (after a new approval) gets a new job. BullMQ forbids `:` in custom ids.
 */
export function deterministicPublishJobId(postId: string, version: number): string {
  if (postId === '' || postId.includes(':')) throw new RangeError(`Ungültige Kennung des Beitrags: ${postId}`);
  if (!Number.isInteger(version) || version < 1) throw new RangeError(`Ungültige Version: ${version}`);
  return [PUBLISH_JOB_NAME, postId, version].join('_');
}

import { Inject, Injectable } from '@nestjs/common';
import { classifyPublishError, type PublishErrorFacts, type PublishErrorPhase } from '@amtsplan/domain';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { AdapterOutcome, ChannelAccess, ChannelAdapter, PublishAttemptInfo, PublishChannel, PublishContent, PublishMedia } from './channel-adapter';

/** Errors of undici (Node's fetch) that happen before any byte of the request left. */
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** How long to wait for Mastodon to finish processing an uploaded image (answer 202). */
const MEDIA_PROCESSING_POLLS = 30;
const MEDIA_PROCESSING_INTERVAL_MS = 1000;

type Answer = { readonly ok: true; readonly status: number; readonly headers: Headers; readonly body: unknown } | { readonly ok: false; readonly facts: PublishErrorFacts };

class StageFailure extends Error {
  constructor(readonly facts: PublishErrorFacts) {
    super('stage failed');
  }
}

/**
 * Mastodon's REST API: each image with POST /api/v2/media (its alt text as `description`),
 * then POST /api/v1/statuses with the media ids and the header Idempotency-Key (Mastodon
 * answers a repeated key with the status it already created).
 *
 * Where an error happened decides what it means (classifyPublishError):
 * - anything while uploading images: the status was not sent, nothing is online; a failed
 *   connection or a 5xx/429/408 is retried, other answers are permanent;
 * - the status request: connection errors before sending are retried, an HTTP error answer
 *   is a refusal (retried only for 5xx/429/408), and a timeout, a reset or an unreadable
 *   answer after sending is `unknown`.
 */
@Injectable()
export class MastodonAdapter implements ChannelAdapter {
  readonly id = 'mastodon' as const;
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutMs = config.publishRequestTimeoutMs;
  }

  async publish(content: PublishContent, channel: PublishChannel, idempotencyKey: string, context: PublishAttemptInfo): Promise<AdapterOutcome> {
    const access = channel.credentials;
    if (!access) return { kind: 'failed_permanent', message: 'Der Kanal ist nicht mit Mastodon verbunden (Instanz und Zugriffstoken fehlen).' };
    const attempt = { attempt: context.attempt, now: context.now };

    const mediaIds: string[] = [];
    try {
      for (const media of content.media) mediaIds.push(await this.upload(access, media));
    } catch (error) {
      if (!(error instanceof StageFailure)) throw error;
      // No status was sent: whatever broke, nothing is online, so a lost connection counts as "before sending".
      const facts = error.facts.phase === 'after_send' ? { ...error.facts, phase: 'connect' as const } : error.facts;
      return classifyPublishError(facts, attempt);
    }

    const answer = await this.request(`${access.instanceUrl}/api/v1/statuses`, {
      method: 'POST',
      headers: { ...auth(access), 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ status: content.text, media_ids: mediaIds, visibility: 'public', ...(content.inReplyToId ? { in_reply_to_id: content.inReplyToId } : {}) }),
    });
    if (!answer.ok) return classifyPublishError(answer.facts, attempt);
    if (answer.status < 200 || answer.status > 299) return classifyPublishError(refusal(answer), attempt);
    const status = answer.body as { id?: unknown; url?: unknown; uri?: unknown } | null;
    if (!status || typeof status.id !== 'string') return classifyPublishError({ phase: 'after_send', httpStatus: answer.status }, attempt);
    const url = typeof status.url === 'string' ? status.url : typeof status.uri === 'string' ? status.uri : null;
    return { kind: 'published', externalId: status.id, url };
  }

  private async upload(access: ChannelAccess, media: PublishMedia): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(media.bytes)], { type: media.contentType }), media.fileName);
    if (media.altText !== '') form.append('description', media.altText);
    const answer = await this.request(`${access.instanceUrl}/api/v2/media`, { method: 'POST', headers: auth(access), body: form });
    const id = mediaId(answer);
    if (answer.ok && answer.status === 202) return this.processed(access, id);
    return id;
  }

  /** An image Mastodon still processes (202): wait until it has a URL, or give up (retryable). */
  private async processed(access: ChannelAccess, id: string): Promise<string> {
    for (let poll = 0; poll < MEDIA_PROCESSING_POLLS; poll++) {
      await new Promise((resolve) => setTimeout(resolve, MEDIA_PROCESSING_INTERVAL_MS));
      const answer = await this.request(`${access.instanceUrl}/api/v1/media/${encodeURIComponent(id)}`, { method: 'GET', headers: auth(access) });
      if (answer.ok && answer.status === 206) continue;
      mediaId(answer);
      return id;
    }
    throw new StageFailure({ phase: 'before_accept', httpStatus: 503 });
  }

  private async request(url: string, init: { method: string; headers: Record<string, string>; body?: string | FormData }): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      return { ok: false, facts: networkFacts(error) };
    }
    let body: unknown = null;
    try {
      const text = await response.text();
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // An unreadable answer to a successful request leaves the outcome open (see publish).
      body = null;
    }
    return { ok: true, status: response.status, headers: response.headers, body };
  }
}

function auth(access: ChannelAccess): Record<string, string> {
  return { authorization: `Bearer ${access.accessToken}` };
}

/** The id of an uploaded image, or the stage's failure. */
function mediaId(answer: Answer): string {
  if (!answer.ok) throw new StageFailure(answer.facts);
  if (answer.status < 200 || answer.status > 299) throw new StageFailure(refusal(answer));
  const id = (answer.body as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new StageFailure({ phase: 'after_send', httpStatus: answer.status });
  return id;
}

function refusal(answer: Extract<Answer, { ok: true }>): PublishErrorFacts {
  return { phase: 'before_accept', httpStatus: answer.status, retryAfter: answer.headers.get('retry-after') };
}

/** Whether a failed fetch got as far as sending: only errors of connecting prove it did not. */
function networkFacts(error: unknown): PublishErrorFacts {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : error instanceof Error && error.name === 'TimeoutError' ? 'ETIMEDOUT' : null;
  const phase: PublishErrorPhase = code !== null && CONNECT_ERRORS.has(code) ? 'connect' : 'after_send';
  return { phase, code };
}

import type { PublicationAdapter } from '@amtsplan/contracts';
import type { PlatformId, PublishOutcome } from '@amtsplan/domain';

/**
 * The one interface between the publisher and a platform. Documented in docs/publishing.md;
 * Bluesky, Facebook or Instagram adapters implement the same.
 *
 * The publisher calls `publish` once per attempt, outside any database transaction, after it
 * has recorded the attempt as started. The adapter:
 * - sends exactly `content` (the approved canonical text of this channel and the approved
 *   images, already checked against their approved file hashes), nothing else;
 * - passes `idempotencyKey` to the platform where it supports one (the same key for every
 *   attempt of one publication, so a retry can never create a second post there);
 * - never throws for a platform or network problem: it answers an outcome, classifying errors
 *   with classifyPublishError (libs/domain) by where the error happened, so that only errors
 *   proving that nothing went out are retried, and everything after sending is `unknown`;
 * - does not retry by itself (the publisher schedules retries with backoff).
 * An exception escaping `publish` counts as `unknown` ("unbestätigt"): a person must look.
 */
export interface ChannelAdapter {
  readonly id: PublicationAdapter;
  publish(content: PublishContent, channel: PublishChannel, idempotencyKey: string, context: PublishAttemptInfo): Promise<AdapterOutcome>;
}

/** What goes out on one channel: byte for byte what was approved. */
export interface PublishContent {
  /** The channel's approved text (its own text, or the post's common text). */
  readonly text: string;
  /** In publishing order. */
  readonly media: readonly PublishMedia[];
  /** The platform's id of the status this answers (inbox replies); absent for posts. */
  readonly inReplyToId?: string;
}

export interface PublishMedia {
  readonly id: string;
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly fileName: string;
  /** The approved alt text ('' when there is none); sent as the image description. */
  readonly altText: string;
}

export interface PublishChannel {
  readonly id: string;
  readonly platform: PlatformId;
  readonly name: string;
  /** The channel's account access; null when the channel is not connected. */
  readonly credentials: ChannelAccess | null;
}

export interface ChannelAccess {
  /** Origin of the instance or API, e.g. https://social.bund.de. */
  readonly instanceUrl: string;
  readonly accessToken: string;
}

export interface PublishAttemptInfo {
  /** This attempt's number, counting from 1 (classifyPublishError gives up after MAX_PUBLISH_ATTEMPTS). */
  readonly attempt: number;
  readonly now: Date;
}

/**
 * A platform outcome (published, failed_retryable, failed_permanent, unknown), or `manual_due`:
 * the post was handed to a person who publishes it by hand and confirms with its URL.
 */
export type AdapterOutcome = PublishOutcome | { readonly kind: 'manual_due'; readonly message: string };

/** Which adapter publishes a channel: its platform's API when connected, a person otherwise. */
export function adapterFor(channel: { readonly platform: PlatformId; readonly connected: boolean }): PublicationAdapter {
  return channel.platform === 'mastodon' && channel.connected ? 'mastodon' : 'manual';
}

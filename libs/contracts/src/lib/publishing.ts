import { z } from 'zod';
import { PUBLICATION_STATUSES, PUBLISH_OUTCOME_KINDS } from '@amtsplan/domain';
import { PlatformId } from './channels';
import { PostStatus } from './posts';

/**
 * Publishing: where each channel of a post stands (one publication per channel and approved
 * content), every attempt the publisher made, and what a person confirms by hand. Texts and
 * images shown are the approved canonical content, exactly what goes (or went) out.
 */

export const PublicationStatus = z.enum(PUBLICATION_STATUSES);
export type PublicationStatus = z.infer<typeof PublicationStatus>;

/** How a channel is published: through its platform's API, or by a person ("Jetzt veröffentlichen"). */
export const PUBLICATION_ADAPTERS = ['mastodon', 'manual'] as const;
export const PublicationAdapter = z.enum(PUBLICATION_ADAPTERS);
export type PublicationAdapter = z.infer<typeof PublicationAdapter>;

/** An attempt's outcome: the domain's outcomes, and `manual_due` when it was handed to a person. */
export const PublishAttemptOutcome = z.enum([...PUBLISH_OUTCOME_KINDS, 'manual_due']);
export type PublishAttemptOutcome = z.infer<typeof PublishAttemptOutcome>;

const person = z.object({ id: z.string(), displayName: z.string() });

export const PublishAttemptView = z.object({
  attempt: z.number(),
  startedAt: z.string(),
  /** Null while the attempt runs. */
  finishedAt: z.string().nullable(),
  outcome: PublishAttemptOutcome.nullable(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  error: z.string().nullable(),
});
export type PublishAttemptView = z.infer<typeof PublishAttemptView>;

export const PublicationView = z.object({
  id: z.string(),
  channel: z.object({ id: z.string(), name: z.string(), platform: PlatformId }),
  adapter: PublicationAdapter,
  status: PublicationStatus,
  /** The approved content this publication is bound to (hex SHA-256). */
  contentHash: z.string(),
  /** The approved text for this channel, to copy for a manual publication. */
  text: z.string(),
  /** The approved images in order, with their alt texts. */
  media: z.array(z.object({ id: z.string(), altText: z.string() })),
  /** When the next automatic attempt is due (only while `pending` after a retryable error). */
  nextAttemptAt: z.string().nullable(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  /** The last error or the reason given by a person. */
  error: z.string().nullable(),
  /** Who confirmed or gave up by hand. */
  settledBy: person.nullable(),
  settledAt: z.string().nullable(),
  attempts: z.array(PublishAttemptView),
});
export type PublicationView = z.infer<typeof PublicationView>;

export const PostPublicationsView = z.object({
  postId: z.string(),
  postStatus: PostStatus,
  /** When the publisher took the post; null while it waits for its time. */
  claimedAt: z.string().nullable(),
  publications: z.array(PublicationView),
});
export type PostPublicationsView = z.infer<typeof PostPublicationsView>;

const httpUrl = (message: string) =>
  z
    .string({ message })
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, message }));

/** A person confirms that the post is online: the address of the post on the platform. */
export const ConfirmPublicationRequest = z.strictObject({
  url: httpUrl('Bitte die Adresse des veröffentlichten Beitrags angeben (https://…)'),
});
export type ConfirmPublicationRequest = z.infer<typeof ConfirmPublicationRequest>;

/** A person records that the post did not go out (and will not, without a new attempt). */
export const MarkPublicationFailedRequest = z.strictObject({
  reason: z.string({ message: 'Bitte einen Grund angeben' }).trim().min(1, 'Bitte einen Grund angeben').max(1000),
});
export type MarkPublicationFailedRequest = z.infer<typeof MarkPublicationFailedRequest>;

/** Access to a Mastodon account. The token is stored encrypted and never sent back. */
export const ChannelCredentialsRequest = z.strictObject({
  instanceUrl: httpUrl('Bitte die Adresse der Mastodon-Instanz angeben, z. B. https://social.bund.de'),
  accessToken: z.string({ message: 'Bitte das Zugriffstoken angeben' }).trim().min(1, 'Bitte das Zugriffstoken angeben').max(1000),
});
export type ChannelCredentialsRequest = z.infer<typeof ChannelCredentialsRequest>;

export const ChannelCredentialsView = z.object({
  channelId: z.string(),
  instanceUrl: z.string(),
  /** Always true in an answer: a token is stored (it is never shown). */
  tokenStored: z.boolean(),
  updatedAt: z.string(),
  updatedBy: person.nullable(),
  /** The Posteingang's poll of the channel's mentions; null before its first run. */
  inboxPoll: z
    .object({
      lastPolledAt: z.string().nullable(),
      lastSuccessAt: z.string().nullable(),
      /** German, for people: why the last poll did not work (or a warning); null when it did. */
      error: z.string().nullable(),
      /** Mastodon rejected the token: polls stop until a new one is saved. */
      tokenRejected: z.boolean(),
    })
    .nullable(),
});
export type ChannelCredentialsView = z.infer<typeof ChannelCredentialsView>;

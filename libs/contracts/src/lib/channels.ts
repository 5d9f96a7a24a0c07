import { z } from 'zod';
import { PLATFORM_IDS } from '@amtsplan/domain';

/** One list, owned by the domain library; re-exported so API consumers find it with the schemas. */
export { PLATFORM_IDS };
import { version } from './common';

export const PlatformId = z.enum(PLATFORM_IDS, { message: 'Unbekannte Plattform' });
export type PlatformId = z.infer<typeof PlatformId>;

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Farbe als #RRGGBB angeben');

export const ChannelView = z.object({
  id: z.string(),
  platform: PlatformId,
  name: z.string(),
  handle: z.string(),
  color: z.string(),
  active: z.boolean(),
  /** Only for Mastodon: the instance's post length, when it differs from 500. */
  textLimit: z.number().nullable(),
  version: z.number(),
});
export type ChannelView = z.infer<typeof ChannelView>;

export const CreateChannelRequest = z.strictObject({
  platform: PlatformId,
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(100),
  handle: z.string().trim().max(300).default(''),
  color,
  textLimit: z.number().int().min(100).max(100_000).nullable().default(null),
});
export type CreateChannelRequest = z.input<typeof CreateChannelRequest>;

export const UpdateChannelRequest = z.strictObject({
  version,
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(100).optional(),
  handle: z.string().trim().max(300).optional(),
  color: color.optional(),
  active: z.boolean().optional(),
  textLimit: z.number().int().min(100).max(100_000).nullable().optional(),
});
export type UpdateChannelRequest = z.infer<typeof UpdateChannelRequest>;

export const TopicView = z.object({ id: z.string(), name: z.string(), color: z.string(), sensitive: z.boolean(), version: z.number() });
export type TopicView = z.infer<typeof TopicView>;

export const CreateTopicRequest = z.strictObject({
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(100),
  color,
  sensitive: z.boolean().default(false),
});
export type CreateTopicRequest = z.input<typeof CreateTopicRequest>;

export const UpdateTopicRequest = z.strictObject({
  version,
  name: z.string().trim().min(1).max(100).optional(),
  color: color.optional(),
  sensitive: z.boolean().optional(),
});
export type UpdateTopicRequest = z.infer<typeof UpdateTopicRequest>;

import { z } from 'zod';
import { POST_STATUSES } from '@amtsplan/domain';

/** One list, owned by the domain library; re-exported so API consumers find it with the schemas. */
export { POST_STATUSES };
import { uuid, version } from './common';
import { PostMediaView } from './media';

export const PostStatus = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof PostStatus>;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum als JJJJ-MM-TT angeben');

/**
 * When a post is planned: an exact time, a day without time, or nothing (Themenspeicher).
 * Times are instants (ISO 8601 with offset); the organization's zone is stored alongside.
 */
export const Planning = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unplanned') }),
  z.strictObject({ kind: z.literal('day'), date: localDate }),
  z.strictObject({ kind: z.literal('time'), at: z.iso.datetime({ offset: true, message: 'Zeitpunkt als ISO 8601 angeben' }) }),
]);
export type Planning = z.infer<typeof Planning>;

export const ChecklistItem = z.strictObject({
  label: z.string().trim().min(1).max(200),
  done: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const PostVariantInput = z.strictObject({
  channelId: uuid,
  /** Overrides the common text for this channel; null uses the common text. */
  text: z.string().max(70_000).nullable().default(null),
});

const postFields = {
  workingTitle: z.string().trim().min(1, 'Bitte einen Arbeitstitel angeben').max(200),
  text: z.string().max(70_000),
  variants: z.array(PostVariantInput).max(20),
  planning: Planning,
  topicId: uuid.nullable(),
  tags: z.array(z.string().trim().min(1).max(60)).max(30),
  responsibleUserId: uuid.nullable(),
  checklist: z.array(ChecklistItem).max(30),
  seriesId: uuid.nullable(),
};

export const CreatePostRequest = z.strictObject({
  workingTitle: postFields.workingTitle,
  text: postFields.text.default(''),
  variants: postFields.variants.default([]),
  planning: postFields.planning.default({ kind: 'unplanned' }),
  topicId: postFields.topicId.default(null),
  tags: postFields.tags.default([]),
  responsibleUserId: postFields.responsibleUserId.default(null),
  checklist: postFields.checklist.optional(),
  seriesId: postFields.seriesId.default(null),
  status: z.enum(['idea', 'draft']).default('draft'),
});
export type CreatePostRequest = z.input<typeof CreatePostRequest>;

/** Partial update bound to the version the editor saw; a stale version answers 409. */
export const UpdatePostRequest = z.strictObject({
  version,
  workingTitle: postFields.workingTitle.optional(),
  text: postFields.text.optional(),
  variants: postFields.variants.optional(),
  planning: postFields.planning.optional(),
  topicId: postFields.topicId.optional(),
  tags: postFields.tags.optional(),
  responsibleUserId: postFields.responsibleUserId.optional(),
  checklist: postFields.checklist.optional(),
  seriesId: postFields.seriesId.optional(),
});
export type UpdatePostRequest = z.infer<typeof UpdatePostRequest>;

export const MovePostRequest = z.strictObject({ to: PostStatus, version });
export type MovePostRequest = z.infer<typeof MovePostRequest>;

/** A stored quality/accessibility finding (see checkPost in libs/domain); `hard` blocks approval. */
export const PostFindingView = z.object({
  code: z.string(),
  severity: z.enum(['hard', 'warning']),
  channelId: z.string().optional(),
  platform: z.string().optional(),
  imageId: z.string().optional(),
  message: z.string(),
  detail: z.object({ count: z.number().optional(), limit: z.number().optional(), excerpt: z.string().optional() }).optional(),
});
export type PostFindingView = z.infer<typeof PostFindingView>;

export const PostView = z.object({
  id: z.string(),
  workingTitle: z.string(),
  text: z.string(),
  variants: z.array(z.object({ channelId: z.string(), text: z.string().nullable() })),
  planning: Planning,
  timeZone: z.string(),
  status: PostStatus,
  topicId: z.string().nullable(),
  tags: z.array(z.string()),
  responsibleUserId: z.string().nullable(),
  authorUserId: z.string(),
  checklist: z.array(z.object({ label: z.string(), done: z.boolean() })),
  media: z.array(PostMediaView),
  /** The series (Format) the post belongs to, and the slot it fills. */
  seriesId: z.string().nullable(),
  seriesSlotAt: z.string().nullable(),
  /** Checks of exactly what would be published, computed on every save. */
  findings: z.array(PostFindingView),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PostView = z.infer<typeof PostView>;

/**
 * One post as the calendar, the planning view and the Themenspeicher show it: what the grid
 * needs to place, colour, mark and move it, not its content (the editor loads the whole post).
 */
export const PlanEntryView = z.object({
  id: z.string(),
  workingTitle: z.string(),
  planning: Planning,
  status: PostStatus,
  /** The channels of its variants, in the post's order (the first one colours the entry). */
  channelIds: z.array(z.string()),
  topicId: z.string().nullable(),
  seriesId: z.string().nullable(),
  responsibleUserId: z.string().nullable(),
  authorUserId: z.string(),
  /** The most severe stored finding: `hard` blocks approval, `warning` only warns. */
  findingSeverity: z.enum(['hard', 'warning']).nullable(),
  version: z.number(),
  /**
   * For a published post: the address of the post on its first channel that has one (null for a
   * channel without an address). Absent or null for every other status.
   */
  publishedUrl: z.string().nullable().optional(),
  /** Left paused when a Kommunikationsstopp was lifted (unscheduled, approval kept); absent otherwise. */
  pausedAt: z.string().optional(),
});
export type PlanEntryView = z.infer<typeof PlanEntryView>;

export const PostListQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  unplanned: z.enum(['true', 'false']).optional(),
  status: PostStatus.optional(),
  channelId: uuid.optional(),
  topicId: uuid.optional(),
  responsibleUserId: uuid.optional(),
  seriesId: uuid.optional(),
});
export type PostListQuery = z.infer<typeof PostListQuery>;

export const PostVersionView = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  changedFields: z.array(z.string()),
});
export type PostVersionView = z.infer<typeof PostVersionView>;

export const PostCommentView = z.object({
  id: z.string(),
  body: z.string(),
  author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
});
export type PostCommentView = z.infer<typeof PostCommentView>;

export const CreatePostCommentRequest = z.strictObject({ body: z.string().trim().min(1, 'Bitte einen Text eingeben').max(5000) });
export type CreatePostCommentRequest = z.infer<typeof CreatePostCommentRequest>;

import { z } from 'zod';
import { uuid, version } from './common';

/** Image formats a post may carry; the server decides by the file's content, never by its name. */
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** Mastodon's limit for an image description; the strictest common one that still allows real descriptions. */
export const ALT_TEXT_MAX_LENGTH = 1500;

/** LinkedIn and Threads carry up to 20 images, the most of any channel (see decision 0009). */
export const MAX_IMAGES_PER_POST = 20;

/**
 * Largest image area accepted, over all frames of an animation. A few kilobytes of PNG can
 * claim gigapixels (decompression bomb); 40 megapixels still fit every camera photo.
 */
export const IMAGE_MAX_MEGAPIXELS = 40;

export const AltText = z.string().trim().min(1, 'Bitte einen Alternativtext angeben').max(ALT_TEXT_MAX_LENGTH);

export const PostMediaView = z.object({
  id: z.string(),
  contentType: z.enum(IMAGE_CONTENT_TYPES),
  byteSize: z.number(),
  width: z.number(),
  height: z.number(),
  altText: z.string(),
  position: z.number(),
  version: z.number(),
  /** Path of the image file under the API (same origin, session cookie). */
  url: z.string(),
  createdAt: z.string(),
});
export type PostMediaView = z.infer<typeof PostMediaView>;

/** Multipart upload: the field `altText` first, then the file `file`. */
export const UploadPostMediaFields = z.strictObject({ altText: AltText });
export type UploadPostMediaFields = z.infer<typeof UploadPostMediaFields>;

export const UpdatePostMediaRequest = z.strictObject({ version, altText: AltText });
export type UpdatePostMediaRequest = z.infer<typeof UpdatePostMediaRequest>;

/** The post's images in their new order: every image of the post exactly once. */
export const ReorderPostMediaRequest = z.strictObject({
  ids: z.array(uuid).min(1).max(MAX_IMAGES_PER_POST),
});
export type ReorderPostMediaRequest = z.infer<typeof ReorderPostMediaRequest>;

import { z } from 'zod';
import { version } from './common';

/** Image formats a post may carry; the server decides by the file's content, never by its name. */
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** Mastodon's limit for an image description; the strictest common one that still allows real descriptions. */
export const ALT_TEXT_MAX_LENGTH = 1500;

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

import type { PostMediaView } from '@amtsplan/contracts';
import { PostMediaEntity } from './post-media.entity';

/** The file's extension by content type; also used for the stored name and the download name. */
export const EXTENSION_OF = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;

export function mediaFileUrl(media: Pick<PostMediaEntity, 'organizationId' | 'postId' | 'id'>): string {
  return `/api/orgs/${media.organizationId}/posts/${media.postId}/media/${media.id}/file`;
}

export function toPostMediaView(media: PostMediaEntity): PostMediaView {
  return {
    id: media.id,
    contentType: media.contentType,
    byteSize: media.byteSize,
    width: media.width,
    height: media.height,
    altText: media.altText,
    position: media.position,
    version: media.version,
    url: mediaFileUrl(media),
    createdAt: media.createdAt.toISOString(),
  };
}

import { Injectable } from '@nestjs/common';
import type { PostMediaView } from '@amtsplan/contracts';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { PostMediaEntity } from './post-media.entity';
import { toPostMediaView } from './post-media-view';

export type NewPostMedia = Pick<PostMediaEntity, 'postId' | 'storageKey' | 'contentType' | 'byteSize' | 'width' | 'height' | 'altText' | 'contentHash'>;

/** Images of the current request's organization's posts. */
@Injectable()
export class PostMediaRepository {
  /** Every listed post's images in their order, in one query (posts without images map to []). */
  async byPosts(postIds: readonly string[]): Promise<Map<string, PostMediaView[]>> {
    const byPost = new Map<string, PostMediaView[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return byPost;
    const { organizationId } = RequestScope.organization();
    const rows = await RequestScope.manager().find(PostMediaEntity, {
      where: { postId: In([...postIds]), organizationId },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    for (const row of rows) byPost.get(row.postId)?.push(toPostMediaView(row));
    return byPost;
  }

  find(postId: string, id: string): Promise<PostMediaEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(PostMediaEntity, { where: { id, postId, organizationId } });
  }

  ofPost(postId: string): Promise<PostMediaEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(PostMediaEntity, { where: { postId, organizationId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /**
   * Holds the post's row until the transaction ends, so that two uploads to the same post
   * cannot both pass the image limit or take the same position.
   */
  async lockPost(postId: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query('SELECT 1 FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE', [postId, organizationId]);
  }

  async add(media: NewPostMedia): Promise<string> {
    const { organizationId, userId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const [{ next }] = await manager.query(
      'SELECT coalesce(max(position) + 1, 0)::int AS next FROM post_media WHERE post_id = $1 AND organization_id = $2',
      [media.postId, organizationId],
    );
    const id = randomUUID();
    await manager.insert(PostMediaEntity, { ...media, id, organizationId, createdByUserId: userId, position: next });
    return id;
  }

  updateAltText(id: string, version: number, altText: string): Promise<boolean> {
    return updateVersioned(PostMediaEntity, 'post_media', id, version, { altText });
  }

  async remove(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().delete(PostMediaEntity, { id, organizationId });
  }

  async reorder(postId: string, ids: readonly string[]): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query(
      `UPDATE post_media m SET position = o.position - 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE m.id = o.id AND m.post_id = $2 AND m.organization_id = $3`,
      [ids, postId, organizationId],
    );
  }
}

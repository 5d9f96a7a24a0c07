import { Injectable } from '@nestjs/common';
import { type ApprovalContent, approvalContent, canonicalJson } from '@amtsplan/domain';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MediaStorage } from '../media/media-storage';
import { PostMediaEntity } from '../media/post-media.entity';
import { PostEntity } from '../posts/post.entity';
import { planningOf } from '../posts/post-view';

/** A post's content as an approval binds it: the canonical form, its string and the SHA-256 of that string. */
export interface BoundContent {
  readonly content: ApprovalContent;
  readonly canonical: string;
  readonly hash: string;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A post's image as the content reads it. */
interface StoredImage {
  readonly id: string;
  readonly storageKey: string;
  readonly contentHash: string | null;
  readonly altText: string;
}

/**
 * Reads exactly what a post would publish (every channel's text, the images with their file
 * hash, alt text and order, the planned time) and gives its canonical form (libs/domain
 * approvalContent). Images uploaded before files were hashed get their hash here, from the
 * stored file, once.
 */
@Injectable()
export class ApprovalContentReader {
  constructor(private readonly storage: MediaStorage) {}

  async of(post: PostEntity): Promise<BoundContent> {
    return this.read(RequestScope.manager(), post);
  }

  /** The same, in a given transaction of the post's organization (the publisher's claim in the worker). */
  async read(manager: EntityManager, post: Pick<PostEntity, 'id' | 'organizationId' | 'text' | 'plannedAt' | 'plannedDate'>): Promise<BoundContent> {
    const { organizationId } = post;
    // Variants and images in their order, in one round trip (the publisher reads them for every post it claims).
    const [{ variants, media }]: Array<{ variants: Array<{ channelId: string; text: string | null }>; media: StoredImage[] }> = await manager.query(
      `SELECT (SELECT coalesce(json_agg(json_build_object('channelId', v.channel_id, 'text', v.text) ORDER BY v.position), '[]'::json)
                 FROM post_variants v WHERE v.post_id = $1 AND v.organization_id = $2) AS variants,
              (SELECT coalesce(json_agg(json_build_object('id', m.id, 'storageKey', m.storage_key, 'contentHash', m.content_hash, 'altText', m.alt_text)
                                        ORDER BY m.position, m.created_at), '[]'::json)
                 FROM post_media m WHERE m.post_id = $1 AND m.organization_id = $2) AS media`,
      [post.id, organizationId],
    );
    const images = [];
    for (const [index, image] of media.entries()) {
      images.push({ id: image.id, contentHash: await this.fileHash(manager, organizationId, image, index), altText: image.altText, position: index });
    }
    const content = approvalContent({
      text: post.text,
      variants,
      media: images,
      planning: planningOf(post),
    });
    const canonical = canonicalJson(content);
    return { content, canonical, hash: sha256(canonical) };
  }

  private async fileHash(manager: EntityManager, organizationId: string, image: StoredImage, index: number): Promise<string> {
    if (image.contentHash) return image.contentHash;
    const file = await this.storage.open(organizationId, image.storageKey);
    if (!file) throw ProblemException.unprocessable(`Die Datei von Bild ${index + 1} fehlt. Bitte das Bild entfernen und neu hochladen.`);
    let hash: string;
    try {
      hash = sha256(await file.readFile());
    } finally {
      await file.close();
    }
    // Derived from the file, so storing it is not an edit of the image (its version stays).
    await manager.update(PostMediaEntity, { id: image.id, organizationId }, { contentHash: hash });
    return hash;
  }
}

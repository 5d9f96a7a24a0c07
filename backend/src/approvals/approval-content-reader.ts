import { Injectable } from '@nestjs/common';
import { type ApprovalContent, approvalContent, canonicalJson } from '@amtsplan/domain';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MediaStorage } from '../media/media-storage';
import { PostMediaEntity } from '../media/post-media.entity';
import { PostVariantEntity } from '../posts/post-variant.entity';
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
    const [variants, media] = await Promise.all([
      manager.find(PostVariantEntity, { where: { postId: post.id, organizationId }, order: { position: 'ASC' } }),
      manager.find(PostMediaEntity, { where: { postId: post.id, organizationId }, order: { position: 'ASC', createdAt: 'ASC' } }),
    ]);
    const images = [];
    for (const [index, image] of media.entries()) {
      images.push({ id: image.id, contentHash: await this.fileHash(manager, image, index), altText: image.altText, position: index });
    }
    const content = approvalContent({
      text: post.text,
      variants: variants.map((v) => ({ channelId: v.channelId, text: v.text })),
      media: images,
      planning: planningOf(post),
    });
    const canonical = canonicalJson(content);
    return { content, canonical, hash: sha256(canonical) };
  }

  private async fileHash(manager: EntityManager, image: PostMediaEntity, index: number): Promise<string> {
    if (image.contentHash) return image.contentHash;
    const file = await this.storage.open(image.organizationId, image.storageKey);
    if (!file) throw ProblemException.unprocessable(`Die Datei von Bild ${index + 1} fehlt. Bitte das Bild entfernen und neu hochladen.`);
    let hash: string;
    try {
      hash = sha256(await file.readFile());
    } finally {
      await file.close();
    }
    // Derived from the file, so storing it is not an edit of the image (its version stays).
    await manager.update(PostMediaEntity, { id: image.id, organizationId: image.organizationId }, { contentHash: hash });
    return hash;
  }
}

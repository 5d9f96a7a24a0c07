import { Inject, Injectable } from '@nestjs/common';
import { MAX_IMAGES_PER_POST, PostView, ReorderPostMediaRequest, UpdatePostMediaRequest } from '@amtsplan/contracts';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostsService } from '../posts/posts.service';
import { cleanImage } from './image-cleaning';
import { receiveImageUpload } from './image-upload';
import { MediaStorage } from './media-storage';
import { PostMediaEntity } from './post-media.entity';
import { PostMediaRepository } from './post-media.repository';
import { UploadProblems } from './upload-problems';

/** A post's images: upload, alt text, order, removal, and the file itself. */
@Injectable()
export class PostMediaService {
  constructor(
    private readonly posts: PostsService,
    private readonly media: PostMediaRepository,
    private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(postId: string, request: FastifyRequest): Promise<PostView> {
    await this.posts.assertEditable(postId);
    if (!request.isMultipart()) throw UploadProblems.notMultipart();
    // Checked before the upload is read, so a full post refuses at once; checked again below under the lock.
    await this.refuseWhenFull(postId);
    const upload = await this.receive(request);
    const image = await cleanImage(upload.bytes);

    await this.media.lockPost(postId);
    await this.refuseWhenFull(postId);
    const { organizationId, tx } = RequestScope.organization();
    const storageKey = await this.storage.save(organizationId, image.bytes, image.extension);
    // The file must not outlive its row: removed when anything after this fails, the commit included.
    tx.afterRollback(() => this.storage.remove(organizationId, storageKey));
    const mediaId = await this.media.add({
      postId,
      storageKey,
      contentType: image.contentType,
      byteSize: image.bytes.length,
      width: image.width,
      height: image.height,
      altText: upload.altText,
      contentHash: createHash('sha256').update(image.bytes).digest('hex'),
    });
    return this.posts.recordContentChange(postId, 'media', {
      action: 'post.media_added',
      details: { mediaId, contentType: image.contentType, byteSize: image.bytes.length },
    });
  }

  async updateAltText(postId: string, mediaId: string, request: UpdatePostMediaRequest): Promise<PostView> {
    await this.posts.assertEditable(postId);
    await this.existing(postId, mediaId);
    if (!(await this.media.updateAltText(mediaId, request.version, request.altText))) throw ProblemException.notFound();
    return this.posts.recordContentChange(postId, 'media', { action: 'post.media_updated', details: { mediaId } });
  }

  async remove(postId: string, mediaId: string): Promise<PostView> {
    await this.posts.assertEditable(postId);
    const media = await this.existing(postId, mediaId);
    await this.media.remove(mediaId);
    const view = await this.posts.recordContentChange(postId, 'media', { action: 'post.media_removed', details: { mediaId } });
    // Only once the row is gone for good: a rolled-back removal keeps its file.
    RequestScope.organization().tx.afterCommit(() => this.storage.remove(media.organizationId, media.storageKey));
    return view;
  }

  async reorder(postId: string, request: ReorderPostMediaRequest): Promise<PostView> {
    await this.posts.assertEditable(postId);
    await this.media.lockPost(postId);
    const current = new Set((await this.media.ofPost(postId)).map((m) => m.id));
    const wanted = new Set(request.ids);
    if (wanted.size !== request.ids.length || wanted.size !== current.size || request.ids.some((id) => !current.has(id))) {
      throw ProblemException.validation([{ path: 'ids', message: 'Bitte jedes Bild des Beitrags genau einmal angeben' }]);
    }
    await this.media.reorder(postId, request.ids);
    return this.posts.recordContentChange(postId, 'media', { action: 'post.media_updated', details: { order: request.ids } });
  }

  /** The image's row and its open file; 404 when either is missing. */
  async file(postId: string, mediaId: string): Promise<{ media: PostMediaEntity; file: FileHandle; size: number }> {
    const media = await this.existing(postId, mediaId);
    const file = await this.storage.open(media.organizationId, media.storageKey);
    if (!file) throw ProblemException.notFound('Die Bilddatei ist nicht mehr vorhanden.');
    try {
      return { media, file, size: (await file.stat()).size };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  private async existing(postId: string, mediaId: string): Promise<PostMediaEntity> {
    const media = await this.media.find(postId, mediaId);
    if (!media) throw ProblemException.notFound();
    return media;
  }

  private async refuseWhenFull(postId: string): Promise<void> {
    if ((await this.media.ofPost(postId)).length >= MAX_IMAGES_PER_POST) throw UploadProblems.tooManyImages();
  }

  private receive(request: FastifyRequest): Promise<{ altText: string; bytes: Buffer }> {
    return receiveImageUpload(request, this.config.mediaMaxBytes);
  }
}

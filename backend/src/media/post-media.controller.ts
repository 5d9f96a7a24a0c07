import { Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ALT_TEXT_MAX_LENGTH, PostView, ReorderPostMediaRequest, UpdatePostMediaRequest } from '@amtsplan/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { EXTENSION_OF } from './post-media-view';
import { PostMediaService } from './post-media.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);

/**
 * Served images get their own, stricter rules than pages: never rendered as anything but an
 * image (nosniff, sandbox), never cached by shared caches (they are not public).
 */
export const FILE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, max-age=3600',
  'content-security-policy': "default-src 'none'; sandbox",
};

@ApiTags('posts')
@Controller('orgs/:orgId/posts/:postId/media')
export class PostMediaController {
  constructor(private readonly media: PostMediaService) {}

  @Post()
  @RequirePermission('posts.propose')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['altText', 'file'],
      properties: {
        altText: { type: 'string', maxLength: ALT_TEXT_MAX_LENGTH, description: 'Vor der Datei senden' },
        file: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP oder GIF' },
      },
    },
  })
  upload(@Param('postId', id) postId: string, @Req() request: FastifyRequest): Promise<PostView> {
    return this.media.upload(postId, request);
  }

  @Put('order')
  @RequirePermission('posts.propose')
  @BodySchema(ReorderPostMediaRequest)
  reorder(@Param('postId', id) postId: string, @ValidBody(ReorderPostMediaRequest) body: ReorderPostMediaRequest): Promise<PostView> {
    return this.media.reorder(postId, body);
  }

  @Patch(':mediaId')
  @RequirePermission('posts.propose')
  @BodySchema(UpdatePostMediaRequest)
  update(
    @Param('postId', id) postId: string,
    @Param('mediaId', id) mediaId: string,
    @ValidBody(UpdatePostMediaRequest) body: UpdatePostMediaRequest,
  ): Promise<PostView> {
    return this.media.updateAltText(postId, mediaId, body);
  }

  @Delete(':mediaId')
  @RequirePermission('posts.propose')
  remove(@Param('postId', id) postId: string, @Param('mediaId', id) mediaId: string): Promise<PostView> {
    return this.media.remove(postId, mediaId);
  }

  @Get(':mediaId/file')
  @RequirePermission('posts.read')
  async file(
    @Param('postId', id) postId: string,
    @Param('mediaId', id) mediaId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { media, file, size } = await this.media.file(postId, mediaId);
    void reply.headers(FILE_HEADERS);
    return new StreamableFile(file.createReadStream(), {
      type: media.contentType,
      length: size,
      disposition: `inline; filename="bild-${media.id}.${EXTENSION_OF[media.contentType]}"`,
    });
  }
}

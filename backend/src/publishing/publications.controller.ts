import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ConfirmPublicationRequest, MarkPublicationFailedRequest, PostPublicationsView } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { PublicationsRequeue } from './publications-requeue';
import { PublicationsService } from './publications.service';

const uuid = new ParseUUIDPipe(notFoundOnBadUuid);

/** Where a post stands on each channel, and what a person confirms by hand. */
@ApiTags('publishing')
@Controller('orgs/:orgId/posts/:postId/publications')
export class PublicationsController {
  constructor(
    private readonly publications: PublicationsService,
    private readonly requeue: PublicationsRequeue,
  ) {}

  @Get()
  @RequirePermission('posts.read')
  list(@Param('postId', uuid) postId: string): Promise<PostPublicationsView> {
    return this.publications.list(postId);
  }

  @Post(':channelId/confirm')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(ConfirmPublicationRequest)
  confirm(
    @Param('postId', uuid) postId: string,
    @Param('channelId', uuid) channelId: string,
    @ValidBody(ConfirmPublicationRequest) body: ConfirmPublicationRequest,
  ): Promise<PostPublicationsView> {
    return this.publications.confirm(postId, channelId, body.url);
  }

  @Post(':channelId/mark-failed')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(MarkPublicationFailedRequest)
  markFailed(
    @Param('postId', uuid) postId: string,
    @Param('channelId', uuid) channelId: string,
    @ValidBody(MarkPublicationFailedRequest) body: MarkPublicationFailedRequest,
  ): Promise<PostPublicationsView> {
    return this.publications.markFailed(postId, channelId, body.reason);
  }

  /** "Jetzt doch veröffentlichen": a missed publication goes out late after all. */
  @Post(':channelId/publish-late')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  async publishLate(@Param('postId', uuid) postId: string, @Param('channelId', uuid) channelId: string): Promise<PostPublicationsView> {
    await this.requeue.requeue(postId, channelId, 'publish_late');
    return this.publications.list(postId);
  }

  /** "Erneut versuchen": a failed publication is tried again. */
  @Post(':channelId/retry')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  async retry(@Param('postId', uuid) postId: string, @Param('channelId', uuid) channelId: string): Promise<PostPublicationsView> {
    await this.requeue.requeue(postId, channelId, 'retry');
    return this.publications.list(postId);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateTopicRequest, TopicView, UpdateTopicRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { TopicsService } from './topics.service';

@ApiTags('topics')
@Controller('orgs/:orgId/topics')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get()
  @RequirePermission('posts.read')
  list(): Promise<TopicView[]> {
    return this.topics.list();
  }

  @Post()
  @RequirePermission('topics.manage')
  @BodySchema(CreateTopicRequest)
  create(@ValidBody(CreateTopicRequest) body: Required<CreateTopicRequest>): Promise<TopicView> {
    return this.topics.create(body);
  }

  @Patch(':topicId')
  @RequirePermission('topics.manage')
  @BodySchema(UpdateTopicRequest)
  update(
    @Param('topicId', new ParseUUIDPipe(notFoundOnBadUuid)) topicId: string,
    @ValidBody(UpdateTopicRequest) body: UpdateTopicRequest,
  ): Promise<TopicView> {
    return this.topics.update(topicId, body);
  }
}

import { Module } from '@nestjs/common';
import { ChannelRepository } from '../channels/channel.repository';
import { ChannelsController } from '../channels/channels.controller';
import { ChannelsService } from '../channels/channels.service';
import { CoreModule } from '../app/core.module';
import { PostReferences } from '../posts/post-references';
import { PostRepository } from '../posts/post.repository';
import { PostsController } from '../posts/posts.controller';
import { PostsService } from '../posts/posts.service';
import { TopicRepository } from '../topics/topic.repository';
import { TopicsController } from '../topics/topics.controller';
import { TopicsService } from '../topics/topics.service';

export const EDITORIAL_PLAN_CONTROLLERS = [ChannelsController, TopicsController, PostsController];

/** Redaktionsplan: channels, topics and posts. */
@Module({
  imports: [CoreModule],
  controllers: EDITORIAL_PLAN_CONTROLLERS,
  providers: [ChannelRepository, ChannelsService, TopicRepository, TopicsService, PostRepository, PostReferences, PostsService],
})
export class EditorialPlanModule {}

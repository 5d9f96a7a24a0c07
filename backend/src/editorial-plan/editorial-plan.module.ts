import { Module } from '@nestjs/common';
import { ApprovalVoidingModule } from '../approvals/approval-voiding.module';
import { ChannelRepository } from '../channels/channel.repository';
import { ChannelsController } from '../channels/channels.controller';
import { ChannelsService } from '../channels/channels.service';
import { CoreModule } from '../app/core.module';
import { MediaStorage } from '../media/media-storage';
import { PostMediaController } from '../media/post-media.controller';
import { PostMediaRepository } from '../media/post-media.repository';
import { PostMediaService } from '../media/post-media.service';
import { PlanEntriesController } from '../posts/plan-entries.controller';
import { PlanEntryRepository } from '../posts/plan-entry.repository';
import { PostFindings } from '../posts/post-findings';
import { PostReferences } from '../posts/post-references';
import { PostRepository } from '../posts/post.repository';
import { PostsController } from '../posts/posts.controller';
import { PostsService } from '../posts/posts.service';
import { SeriesSlotsService } from '../series/series-slots.service';
import { SeriesController } from '../series/series.controller';
import { SeriesRepository } from '../series/series.repository';
import { SeriesService } from '../series/series.service';
import { TopicRepository } from '../topics/topic.repository';
import { TopicsController } from '../topics/topics.controller';
import { TopicsService } from '../topics/topics.service';

export const EDITORIAL_PLAN_CONTROLLERS = [ChannelsController, TopicsController, PostsController, PlanEntriesController, PostMediaController, SeriesController];

/** Redaktionsplan: channels, topics, posts and series. */
@Module({
  imports: [CoreModule, ApprovalVoidingModule],
  controllers: EDITORIAL_PLAN_CONTROLLERS,
  providers: [
    ChannelRepository,
    ChannelsService,
    TopicRepository,
    TopicsService,
    PostRepository,
    PlanEntryRepository,
    PostReferences,
    PostFindings,
    PostsService,
    PostMediaRepository,
    PostMediaService,
    MediaStorage,
    SeriesRepository,
    SeriesService,
    SeriesSlotsService,
  ],
  // The plan's exchange formats (plan-exchange/) create posts and read channels and topics through these.
  exports: [PostsService, ChannelRepository, TopicRepository],
})
export class EditorialPlanModule {}

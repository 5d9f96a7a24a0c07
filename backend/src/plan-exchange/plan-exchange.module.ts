import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { EditorialPlanModule } from '../editorial-plan/editorial-plan.module';
import { CalendarFeedLinks } from './calendar-feed-links';
import { CalendarFeedPosts } from './calendar-feed-posts';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { PlanExportController } from './plan-export.controller';
import { PlanExportService } from './plan-export.service';
import { PlanImportController } from './plan-import.controller';
import { PlanImportService } from './plan-import.service';
import { PublicCalendarController } from './public-calendar.controller';
import { PublicCalendarFeed } from './public-calendar-feed';

export const PLAN_EXCHANGE_CONTROLLERS = [CalendarFeedsController, PublicCalendarController, PlanExportController, PlanImportController];

/** The plan leaving and entering Amtsplan: calendar subscriptions, Excel/CSV export and import. */
@Module({
  imports: [CoreModule, EditorialPlanModule],
  controllers: PLAN_EXCHANGE_CONTROLLERS,
  providers: [CalendarFeedRepository, CalendarFeedLinks, CalendarFeedsService, CalendarFeedPosts, PublicCalendarFeed, PlanExportService, PlanImportService],
})
export class PlanExchangeModule {}

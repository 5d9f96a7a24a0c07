import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CalendarFeedCreated, CalendarFeedView, CreateCalendarFeedRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { CalendarFeedsService } from './calendar-feeds.service';

@ApiTags('plan-exchange')
@Controller('orgs/:orgId/calendar-feeds')
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get()
  @RequirePermission('posts.read')
  list(): Promise<CalendarFeedView[]> {
    return this.feeds.list();
  }

  @Post()
  @RequirePermission('posts.plan')
  @BodySchema(CreateCalendarFeedRequest)
  create(@ValidBody(CreateCalendarFeedRequest) body: CreateCalendarFeedRequest): Promise<CalendarFeedCreated> {
    return this.feeds.create(body);
  }

  @Delete(':feedId')
  @HttpCode(204)
  @RequirePermission('posts.plan')
  revoke(@Param('feedId', new ParseUUIDPipe(notFoundOnBadUuid)) feedId: string): Promise<void> {
    return this.feeds.revoke(feedId);
  }
}

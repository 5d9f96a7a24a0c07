import { Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateSeriesRequest, FillSeriesSlotRequest, PostView, SeriesSlotQuery, SeriesSlotView, SeriesView, UpdateSeriesRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { SeriesSlotsService } from './series-slots.service';
import { SeriesService } from './series.service';

const seriesId = new ParseUUIDPipe(notFoundOnBadUuid);

@ApiTags('series')
@Controller('orgs/:orgId/series')
export class SeriesController {
  constructor(
    private readonly series: SeriesService,
    private readonly slots: SeriesSlotsService,
  ) {}

  @Get()
  @RequirePermission('posts.read')
  list(): Promise<SeriesView[]> {
    return this.series.list();
  }

  @Post()
  @RequirePermission('posts.plan')
  @BodySchema(CreateSeriesRequest)
  create(@ValidBody(CreateSeriesRequest) body: Required<CreateSeriesRequest>): Promise<SeriesView> {
    return this.series.create(body);
  }

  /** Declared before `:seriesId` so "slots" is not taken for an id. */
  @Get('slots')
  @RequirePermission('posts.read')
  openSlots(@Query(new ZodValidationPipe(SeriesSlotQuery)) query: SeriesSlotQuery): Promise<SeriesSlotView[]> {
    return this.slots.slots(query);
  }

  @Get(':seriesId')
  @RequirePermission('posts.read')
  get(@Param('seriesId', seriesId) id: string): Promise<SeriesView> {
    return this.series.get(id);
  }

  @Patch(':seriesId')
  @RequirePermission('posts.plan')
  @BodySchema(UpdateSeriesRequest)
  update(@Param('seriesId', seriesId) id: string, @ValidBody(UpdateSeriesRequest) body: UpdateSeriesRequest): Promise<SeriesView> {
    return this.series.update(id, body);
  }

  @Post(':seriesId/slots')
  @RequirePermission('posts.plan')
  @BodySchema(FillSeriesSlotRequest)
  fill(@Param('seriesId', seriesId) id: string, @ValidBody(FillSeriesSlotRequest) body: FillSeriesSlotRequest): Promise<PostView> {
    return this.slots.fill(id, body.at);
  }
}

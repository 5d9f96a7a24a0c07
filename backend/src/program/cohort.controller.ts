import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { FILE_HEADERS } from '../media/post-media.controller';
import { EXTENSION_OF } from '../media/post-media-view';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { type CohortView, CreateShareCommentRequest, SetShareReactionRequest, type ShareView } from '@amtsplan/contracts';
import { AppRequest, CurrentUser, SessionUser } from '../auth/request-auth';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { CohortService } from './cohort.service';
import { CohortCalendarService } from './cohort-calendar.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);

/** A cohort's shared space: across authorities, so not under one organization's routes. */
@ApiTags('program')
@Controller('program/cohorts/:cohortId')
export class CohortController {
  constructor(
    private readonly cohorts: CohortService,
    private readonly calendars: CohortCalendarService,
  ) {}

  @Get()
  get(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('cohortId', id) cohortId: string): Promise<CohortView> {
    return this.cohorts.get({ userId: user.id, ip: request.ip }, cohortId);
  }

  /** The remaining weekly meetings as an .ics file to import into a calendar. */
  @Get('calendar.ics')
  @ApiProduces('text/calendar')
  async calendar(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('cohortId', id) cohortId: string): Promise<StreamableFile> {
    const file = await this.calendars.calendar({ userId: user.id, ip: request.ip }, cohortId);
    return new StreamableFile(file.content, { type: 'text/calendar; charset=utf-8', disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }

  @Get('shares/:shareId')
  share(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('cohortId', id) cohortId: string, @Param('shareId', id) shareId: string): Promise<ShareView> {
    return this.cohorts.share({ userId: user.id, ip: request.ip }, cohortId, shareId);
  }

  /** A shared image with the headers of every served image (decision 0010): nosniff, sandbox, private. */
  @Get('shares/:shareId/image')
  async image(
    @CurrentUser() user: SessionUser,
    @Req() request: AppRequest,
    @Param('cohortId', id) cohortId: string,
    @Param('shareId', id) shareId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const image = await this.cohorts.image({ userId: user.id, ip: request.ip }, cohortId, shareId);
    void reply.headers(FILE_HEADERS);
    return new StreamableFile(image.file.createReadStream(), {
      type: image.contentType,
      length: image.size,
      disposition: `inline; filename="bild-${image.id}.${EXTENSION_OF[image.contentType as keyof typeof EXTENSION_OF]}"`,
    });
  }

  @Post('shares/:shareId/comments')
  @BodySchema(CreateShareCommentRequest)
  comment(
    @CurrentUser() user: SessionUser,
    @Req() request: AppRequest,
    @Param('cohortId', id) cohortId: string,
    @Param('shareId', id) shareId: string,
    @ValidBody(CreateShareCommentRequest) body: CreateShareCommentRequest,
  ): Promise<ShareView> {
    return this.cohorts.comment({ userId: user.id, ip: request.ip }, cohortId, shareId, body);
  }

  @Put('shares/:shareId/reaction')
  @BodySchema(SetShareReactionRequest)
  react(
    @CurrentUser() user: SessionUser,
    @Req() request: AppRequest,
    @Param('cohortId', id) cohortId: string,
    @Param('shareId', id) shareId: string,
    @ValidBody(SetShareReactionRequest) body: SetShareReactionRequest,
  ): Promise<ShareView> {
    return this.cohorts.react({ userId: user.id, ip: request.ip }, cohortId, shareId, body);
  }

  @Delete('shares/:shareId')
  @HttpCode(204)
  withdraw(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('cohortId', id) cohortId: string, @Param('shareId', id) shareId: string): Promise<void> {
    return this.cohorts.withdraw({ userId: user.id, ip: request.ip }, cohortId, shareId);
  }
}

import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CohortView, CreateShareCommentRequest, SetShareReactionRequest, type ShareView } from '@amtsplan/contracts';
import { AppRequest, CurrentUser, SessionUser } from '../auth/request-auth';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { CohortService } from './cohort.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);

/** A cohort's shared space: across authorities, so not under one organization's routes. */
@ApiTags('program')
@Controller('program/cohorts/:cohortId')
export class CohortController {
  constructor(private readonly cohorts: CohortService) {}

  @Get()
  get(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('cohortId', id) cohortId: string): Promise<CohortView> {
    return this.cohorts.get({ userId: user.id, ip: request.ip }, cohortId);
  }

  @Get('shares/:shareId')
  share(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('cohortId', id) cohortId: string, @Param('shareId', id) shareId: string): Promise<ShareView> {
    return this.cohorts.share({ userId: user.id, ip: request.ip }, cohortId, shareId);
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

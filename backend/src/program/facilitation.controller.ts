import { Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthorityOption, type CohortSummaryView, CreateCohortRequest, CreateRunRequest, EnrolParticipantRequest, type RunView, UnlockWeeksRequest } from '@amtsplan/contracts';
import { AppRequest, CurrentUser, SessionUser } from '../auth/request-auth';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { FacilitationService } from './facilitation.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);

/** The Programmleitung's routes: installation-wide, not under an organization. */
@ApiTags('program')
@Controller('program')
export class FacilitationController {
  constructor(private readonly facilitation: FacilitationService) {}

  /** The authorities to enrol from (id and name only). */
  @Get('authorities')
  authorities(@CurrentUser() user: SessionUser, @Req() request: AppRequest): Promise<AuthorityOption[]> {
    return this.facilitation.authorities({ userId: user.id, ip: request.ip });
  }

  @Get('runs')
  list(@CurrentUser() user: SessionUser, @Req() request: AppRequest): Promise<RunView[]> {
    return this.facilitation.list({ userId: user.id, ip: request.ip });
  }

  @Post('runs')
  @BodySchema(CreateRunRequest)
  create(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @ValidBody(CreateRunRequest) body: CreateRunRequest): Promise<RunView> {
    return this.facilitation.create({ userId: user.id, ip: request.ip }, body);
  }

  @Get('runs/:runId')
  get(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('runId', id) runId: string): Promise<RunView> {
    return this.facilitation.get({ userId: user.id, ip: request.ip }, runId);
  }

  @Post('runs/:runId/unlock')
  @BodySchema(UnlockWeeksRequest)
  unlock(@CurrentUser() user: SessionUser, @Req() request: AppRequest, @Param('runId', id) runId: string, @ValidBody(UnlockWeeksRequest) body: UnlockWeeksRequest): Promise<RunView> {
    return this.facilitation.unlock({ userId: user.id, ip: request.ip }, runId, body);
  }

  @Post('runs/:runId/cohorts')
  @BodySchema(CreateCohortRequest)
  createCohort(
    @CurrentUser() user: SessionUser,
    @Req() request: AppRequest,
    @Param('runId', id) runId: string,
    @ValidBody(CreateCohortRequest) body: CreateCohortRequest,
  ): Promise<CohortSummaryView> {
    return this.facilitation.createCohort({ userId: user.id, ip: request.ip }, runId, body);
  }

  @Post('cohorts/:cohortId/enrolments')
  @BodySchema(EnrolParticipantRequest)
  enrol(
    @CurrentUser() user: SessionUser,
    @Req() request: AppRequest,
    @Param('cohortId', id) cohortId: string,
    @ValidBody(EnrolParticipantRequest) body: EnrolParticipantRequest,
  ): Promise<CohortSummaryView> {
    return this.facilitation.enrol({ userId: user.id, ip: request.ip }, cohortId, body);
  }
}

import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ActivateStopRequest,
  ChangeLevelRequest,
  ChecklistStepRequest,
  ContactAlertedRequest,
  CrisisStatusView,
  DeclareIncidentRequest,
  EndIncidentRequest,
  IncidentReviewRequest,
  IncidentSummaryView,
  IncidentView,
  LiftStopRequest,
  LiftStopResult,
  PausedPostView,
  StatementUsedRequest,
  TextBlockHit,
  TimelineNoteRequest,
} from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { CommunicationStopService } from './communication-stop.service';
import { CrisisStatusService } from './crisis-status.service';
import { HoldingStatements } from './holding-statements';
import { IncidentReportService } from './incident-report.service';
import { IncidentsService } from './incidents.service';

const incidentId = new ParseUUIDPipe(notFoundOnBadUuid);

/** Krisenmodus: every member follows an incident; the editorial team (posts.plan) runs it. */
@ApiTags('crisis')
@Controller('orgs/:orgId/incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly stop: CommunicationStopService,
    private readonly reports: IncidentReportService,
  ) {}

  @Get()
  @RequirePermission('posts.read')
  list(): Promise<IncidentSummaryView[]> {
    return this.incidents.list();
  }

  @Post()
  @RequirePermission('posts.plan')
  @BodySchema(DeclareIncidentRequest)
  declare(@ValidBody(DeclareIncidentRequest) body: DeclareIncidentRequest): Promise<IncidentView> {
    return this.incidents.declare(body);
  }

  @Get(':incidentId')
  @RequirePermission('posts.read')
  get(@Param('incidentId', incidentId) id: string): Promise<IncidentView> {
    return this.incidents.get(id);
  }

  @Post(':incidentId/level')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(ChangeLevelRequest)
  level(@Param('incidentId', incidentId) id: string, @ValidBody(ChangeLevelRequest) body: ChangeLevelRequest): Promise<IncidentView> {
    return this.incidents.changeLevel(id, body);
  }

  @Post(':incidentId/checklist')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(ChecklistStepRequest)
  checklist(@Param('incidentId', incidentId) id: string, @ValidBody(ChecklistStepRequest) body: ChecklistStepRequest): Promise<IncidentView> {
    return this.incidents.checklistStep(id, body);
  }

  @Post(':incidentId/contacts-alerted')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(ContactAlertedRequest)
  contactAlerted(@Param('incidentId', incidentId) id: string, @ValidBody(ContactAlertedRequest) body: ContactAlertedRequest): Promise<IncidentView> {
    return this.incidents.contactAlerted(id, body);
  }

  @Post(':incidentId/notes')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(TimelineNoteRequest)
  note(@Param('incidentId', incidentId) id: string, @ValidBody(TimelineNoteRequest) body: TimelineNoteRequest): Promise<IncidentView> {
    return this.incidents.note(id, body);
  }

  @Post(':incidentId/statements')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(StatementUsedRequest)
  statement(@Param('incidentId', incidentId) id: string, @ValidBody(StatementUsedRequest) body: StatementUsedRequest): Promise<IncidentView> {
    return this.incidents.statementUsed(id, body);
  }

  @Post(':incidentId/stop')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(ActivateStopRequest)
  activateStop(@Param('incidentId', incidentId) id: string, @ValidBody(ActivateStopRequest) body: ActivateStopRequest): Promise<IncidentView> {
    return this.stop.activate(id, body);
  }

  @Get(':incidentId/paused-posts')
  @RequirePermission('posts.read')
  paused(@Param('incidentId', incidentId) id: string): Promise<PausedPostView[]> {
    return this.stop.paused(id);
  }

  @Post(':incidentId/stop/lift')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(LiftStopRequest)
  liftStop(@Param('incidentId', incidentId) id: string, @ValidBody(LiftStopRequest) body: LiftStopRequest): Promise<LiftStopResult> {
    return this.stop.lift(id, body);
  }

  @Post(':incidentId/end')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(EndIncidentRequest)
  end(@Param('incidentId', incidentId) id: string, @ValidBody(EndIncidentRequest) body: EndIncidentRequest): Promise<IncidentView> {
    return this.incidents.end(id, body);
  }

  @Post(':incidentId/review')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(IncidentReviewRequest)
  review(@Param('incidentId', incidentId) id: string, @ValidBody(IncidentReviewRequest) body: IncidentReviewRequest): Promise<IncidentView> {
    return this.incidents.review(id, body);
  }

  @Get(':incidentId/report.pdf')
  @RequirePermission('posts.read')
  @ApiProduces('application/pdf')
  async report(@Param('incidentId', incidentId) id: string): Promise<StreamableFile> {
    const file = await this.reports.export(id);
    return new StreamableFile(file.content, { type: 'application/pdf', disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}

/** What the banner on every page of the organization shows. */
@ApiTags('crisis')
@Controller('orgs/:orgId/crisis-status')
export class CrisisStatusController {
  constructor(
    private readonly status: CrisisStatusService,
    private readonly holdingStatements: HoldingStatements,
  ) {}

  @Get()
  @RequirePermission('organization.read')
  get(): Promise<CrisisStatusView> {
    return this.status.get();
  }

  /** The open incident's current level's holding statements (approved, valid), for the reply composer's picker. */
  @Get('holding-statements')
  @RequirePermission('posts.read')
  statements(): Promise<TextBlockHit[]> {
    return this.holdingStatements.forPicker();
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateShareRequest, type ExerciseProgressView, type MyProgramView, SaveChecklistRequest, SaveReflectionRequest, type SharePreview, ShareSource, type ShareView } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { MyProgramService } from './my-program.service';
import { SharingService } from './sharing.service';

const enrolmentId = new ParseUUIDPipe(notFoundOnBadUuid);

/**
 * The participant's side, inside the authority they take part for: progress is that authority's
 * data. Only the enrolled person reads and writes it; another member of the authority gets 404.
 */
@ApiTags('program')
@Controller('orgs/:orgId/program')
export class MyProgramController {
  constructor(
    private readonly program: MyProgramService,
    private readonly sharing: SharingService,
  ) {}

  @Get()
  @RequirePermission('organization.read')
  read(): Promise<MyProgramView> {
    return this.program.read();
  }

  @Put('enrolments/:enrolmentId/exercises/:exerciseId/reflection')
  @RequirePermission('organization.read')
  @BodySchema(SaveReflectionRequest)
  saveReflection(
    @Param('enrolmentId', enrolmentId) id: string,
    @Param('exerciseId') exerciseId: string,
    @ValidBody(SaveReflectionRequest) body: SaveReflectionRequest,
  ): Promise<ExerciseProgressView> {
    return this.program.saveReflection(id, exerciseId, body);
  }

  @Put('enrolments/:enrolmentId/exercises/:exerciseId/checklist')
  @RequirePermission('organization.read')
  @BodySchema(SaveChecklistRequest)
  saveChecklist(
    @Param('enrolmentId', enrolmentId) id: string,
    @Param('exerciseId') exerciseId: string,
    @ValidBody(SaveChecklistRequest) body: SaveChecklistRequest,
  ): Promise<ExerciseProgressView> {
    return this.program.saveChecklist(id, exerciseId, body);
  }

  /** What would leave the authority, exactly as it would be stored; nothing is shared yet. */
  @Post('enrolments/:enrolmentId/share-preview')
  @RequirePermission('organization.read')
  @BodySchema(ShareSource)
  preview(@Param('enrolmentId', enrolmentId) id: string, @ValidBody(ShareSource) body: ShareSource): Promise<SharePreview> {
    return this.sharing.preview(id, body);
  }

  @Post('enrolments/:enrolmentId/shares')
  @RequirePermission('organization.read')
  @BodySchema(CreateShareRequest)
  share(@Param('enrolmentId', enrolmentId) id: string, @ValidBody(CreateShareRequest) body: CreateShareRequest): Promise<ShareView> {
    return this.sharing.share(id, body);
  }
}

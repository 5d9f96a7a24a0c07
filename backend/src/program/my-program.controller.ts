import { Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ExerciseProgressView, type MyProgramView, SaveChecklistRequest, SaveReflectionRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { MyProgramService } from './my-program.service';

const enrolmentId = new ParseUUIDPipe(notFoundOnBadUuid);

/**
 * The participant's side, inside the authority they take part for: progress is that authority's
 * data. Only the enrolled person reads and writes it; another member of the authority gets 404.
 */
@ApiTags('program')
@Controller('orgs/:orgId/program')
export class MyProgramController {
  constructor(private readonly program: MyProgramService) {}

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
}

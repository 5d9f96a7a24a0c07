import { Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type MidpointReviewView, SaveMidpointReviewRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { MidpointReviewService } from './midpoint-review.service';

const enrolmentId = new ParseUUIDPipe(notFoundOnBadUuid);

/** The participant's Zwischenfazit (week 6); only the enrolled person, others 404. */
@ApiTags('program')
@Controller('orgs/:orgId/program/enrolments/:enrolmentId/midpoint-review')
export class MidpointReviewController {
  constructor(private readonly reviews: MidpointReviewService) {}

  @Get()
  @RequirePermission('organization.read')
  read(@Param('enrolmentId', enrolmentId) id: string): Promise<MidpointReviewView> {
    return this.reviews.read(id);
  }

  @Put()
  @RequirePermission('organization.read')
  @BodySchema(SaveMidpointReviewRequest)
  save(@Param('enrolmentId', enrolmentId) id: string, @ValidBody(SaveMidpointReviewRequest) body: SaveMidpointReviewRequest): Promise<MidpointReviewView> {
    return this.reviews.save(id, body);
  }
}

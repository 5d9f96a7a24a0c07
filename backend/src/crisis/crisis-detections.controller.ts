import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrisisDetectionView, DismissDetectionRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { CrisisDetectionsService } from './crisis-detections.service';

const detectionId = new ParseUUIDPipe(notFoundOnBadUuid);

/** „Möglicher Shitstorm“: every member sees the alerts; the editorial team (posts.plan) dismisses them. */
@ApiTags('crisis')
@Controller('orgs/:orgId/crisis-detections')
export class CrisisDetectionsController {
  constructor(private readonly detections: CrisisDetectionsService) {}

  @Get()
  @RequirePermission('posts.read')
  open(): Promise<CrisisDetectionView[]> {
    return this.detections.open();
  }

  @Post(':detectionId/dismiss')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @BodySchema(DismissDetectionRequest)
  dismiss(@Param('detectionId', detectionId) id: string, @ValidBody(DismissDetectionRequest) body: DismissDetectionRequest): Promise<CrisisDetectionView> {
    return this.detections.dismiss(id, body);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApprovalInboxView, ApprovalRequestView, DecisionRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ApprovalDecisionsService } from './approval-decisions.service';
import { ApprovalInboxService } from './approval-inbox.service';

const requestId = new ParseUUIDPipe(notFoundOnBadUuid);

/** Deciding approval steps, and the personal "Freigaben" inbox. */
@ApiTags('approvals')
@Controller('orgs/:orgId')
export class ApprovalRequestsController {
  constructor(
    private readonly decisions: ApprovalDecisionsService,
    private readonly inboxes: ApprovalInboxService,
  ) {}

  @Post('approval-requests/:requestId/decisions')
  @RequirePermission('approvals.decide')
  @BodySchema(DecisionRequest)
  decide(@Param('requestId', requestId) id: string, @ValidBody(DecisionRequest) body: Required<DecisionRequest>): Promise<ApprovalRequestView> {
    return this.decisions.decide(id, body);
  }

  @Get('approvals/inbox')
  @RequirePermission('posts.read')
  inbox(): Promise<ApprovalInboxView> {
    return this.inboxes.inbox();
  }
}

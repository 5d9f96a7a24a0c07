import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApprovalInboxView, ApprovalRequestView, DecisionRequest, PreviousSeenContentView } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ApprovalDecisionsService } from './approval-decisions.service';
import { ApprovalInboxService } from './approval-inbox.service';
import { ApprovalRequestReading } from './approval-request-reading.service';

const requestId = new ParseUUIDPipe(notFoundOnBadUuid);

/** Reading and deciding approval requests, and the personal "Freigaben" inbox. */
@ApiTags('approvals')
@Controller('orgs/:orgId')
export class ApprovalRequestsController {
  constructor(
    private readonly decisions: ApprovalDecisionsService,
    private readonly inboxes: ApprovalInboxService,
    private readonly reading: ApprovalRequestReading,
  ) {}

  @Get('approval-requests/:requestId')
  @RequirePermission('posts.read')
  request(@Param('requestId', requestId) id: string): Promise<ApprovalRequestView> {
    return this.reading.request(id);
  }

  /** The content of the earlier request of the same post that the current user decided on: the base of the decision page's diff. */
  @Get('approval-requests/:requestId/previous-seen')
  @RequirePermission('posts.read')
  previousSeen(@Param('requestId', requestId) id: string): Promise<PreviousSeenContentView> {
    return this.reading.previousSeen(id);
  }

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

import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApprovalRequestView, SubmitPostRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ApprovalSubmissionService } from './approval-submission.service';

const postId = new ParseUUIDPipe(notFoundOnBadUuid);

/** A post's approval: submit it, see where it stands, take it back. */
@ApiTags('approvals')
@Controller('orgs/:orgId/posts/:postId')
export class PostApprovalController {
  constructor(private readonly submissions: ApprovalSubmissionService) {}

  @Post('submit')
  @RequirePermission('posts.propose')
  @BodySchema(SubmitPostRequest)
  submit(@Param('postId', postId) id: string, @ValidBody(SubmitPostRequest) body: SubmitPostRequest): Promise<ApprovalRequestView> {
    return this.submissions.submit(id, body);
  }

  @Get('approval')
  @RequirePermission('posts.read')
  current(@Param('postId', postId) id: string): Promise<ApprovalRequestView> {
    return this.submissions.current(id);
  }

  @Post('withdraw')
  @HttpCode(200)
  @RequirePermission('posts.propose')
  withdraw(@Param('postId', postId) id: string): Promise<ApprovalRequestView> {
    return this.submissions.withdraw(id);
  }
}

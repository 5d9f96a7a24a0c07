import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AddInboxNoteRequest,
  AssignInboxItemRequest,
  CaptureInboxItemRequest,
  CategoriseInboxItemRequest,
  ChangeInboxStatusRequest,
  DepartmentDraftRequest,
  ForwardInboxItemRequest,
  ImportInboxCsvRequest,
  InboxImportResult,
  InboxItemDetail,
  InboxListQuery,
  InboxListView,
  ModerateInboxItemRequest,
  ReplyInboxItemRequest,
  SendApprovedReplyRequest,
} from '@amtsplan/contracts';
import { zonedLocalToUtc } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { OrganizationEntity } from '../organizations/organization.entity';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { InboxCaptureService, type ParsedCapture } from './inbox-capture.service';
import { InboxImportService } from './inbox-import.service';
import { InboxList } from './inbox-list';
import { InboxReplyService } from './inbox-reply.service';
import { InboxWorkflowService } from './inbox-workflow.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);

/** The Posteingang: list, capture, import and the steps on one item. */
@ApiTags('inbox')
@Controller('orgs/:orgId/inbox/items')
export class InboxItemsController {
  constructor(
    private readonly inbox: InboxList,
    private readonly capturing: InboxCaptureService,
    private readonly importing: InboxImportService,
    private readonly workflow: InboxWorkflowService,
    private readonly replies: InboxReplyService,
  ) {}

  @Get()
  @RequirePermission('inbox.read')
  list(@Query(new ZodValidationPipe(InboxListQuery)) query: InboxListQuery & { limit: number }): Promise<InboxListView> {
    return this.inbox.page(query);
  }

  @Post()
  @RequirePermission('inbox.work')
  @BodySchema(CaptureInboxItemRequest)
  capture(@ValidBody(CaptureInboxItemRequest) body: CaptureInboxItemRequest): Promise<InboxItemDetail> {
    return this.capturing.capture(body as ParsedCapture);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('inbox.work')
  @BodySchema(ImportInboxCsvRequest)
  async importCsv(@ValidBody(ImportInboxCsvRequest) body: ImportInboxCsvRequest): Promise<InboxImportResult> {
    const { organizationId } = RequestScope.organization();
    const { timeZone } = await RequestScope.manager().findOneByOrFail(OrganizationEntity, { id: organizationId });
    return this.importing.importCsv(body.csv, (local) => zonedLocalToUtc(local, timeZone));
  }

  @Get(':itemId')
  @RequirePermission('inbox.read')
  detail(@Param('itemId', id) itemId: string): Promise<InboxItemDetail> {
    return this.workflow.detail(itemId);
  }

  @Patch(':itemId/assignee')
  @RequirePermission('inbox.work')
  @BodySchema(AssignInboxItemRequest)
  assign(@Param('itemId', id) itemId: string, @ValidBody(AssignInboxItemRequest) body: AssignInboxItemRequest): Promise<InboxItemDetail> {
    return this.workflow.assign(itemId, body);
  }

  @Patch(':itemId/category')
  @RequirePermission('inbox.work')
  @BodySchema(CategoriseInboxItemRequest)
  categorise(@Param('itemId', id) itemId: string, @ValidBody(CategoriseInboxItemRequest) body: CategoriseInboxItemRequest): Promise<InboxItemDetail> {
    return this.workflow.categorise(itemId, body);
  }

  @Patch(':itemId/status')
  @RequirePermission('inbox.work')
  @BodySchema(ChangeInboxStatusRequest)
  changeStatus(@Param('itemId', id) itemId: string, @ValidBody(ChangeInboxStatusRequest) body: ChangeInboxStatusRequest): Promise<InboxItemDetail> {
    return this.workflow.changeStatus(itemId, body);
  }

  @Post(':itemId/notes')
  @RequirePermission('inbox.read')
  @BodySchema(AddInboxNoteRequest)
  addNote(@Param('itemId', id) itemId: string, @ValidBody(AddInboxNoteRequest) body: AddInboxNoteRequest): Promise<InboxItemDetail> {
    return this.workflow.addNote(itemId, body);
  }

  @Post(':itemId/forward')
  @HttpCode(200)
  @RequirePermission('inbox.work')
  @BodySchema(ForwardInboxItemRequest)
  forward(@Param('itemId', id) itemId: string, @ValidBody(ForwardInboxItemRequest) body: ForwardInboxItemRequest): Promise<InboxItemDetail> {
    return this.workflow.forward(itemId, body as ForwardInboxItemRequest & { note: string | null });
  }

  @Post(':itemId/department-draft')
  @HttpCode(200)
  @RequirePermission('inbox.read')
  @BodySchema(DepartmentDraftRequest)
  departmentDraft(@Param('itemId', id) itemId: string, @ValidBody(DepartmentDraftRequest) body: DepartmentDraftRequest): Promise<InboxItemDetail> {
    return this.workflow.departmentDraft(itemId, body);
  }

  @Post(':itemId/replies')
  @RequirePermission('inbox.work')
  @BodySchema(ReplyInboxItemRequest)
  reply(@Param('itemId', id) itemId: string, @ValidBody(ReplyInboxItemRequest) body: ReplyInboxItemRequest): Promise<InboxItemDetail> {
    return this.replies.reply(itemId, body as ReplyInboxItemRequest & { textBlockVersionId: string | null });
  }

  @Post(':itemId/replies/:replyId/send')
  @HttpCode(200)
  @RequirePermission('inbox.work')
  @BodySchema(SendApprovedReplyRequest)
  sendApproved(@Param('itemId', id) itemId: string, @Param('replyId', id) replyId: string, @ValidBody(SendApprovedReplyRequest) body: SendApprovedReplyRequest): Promise<InboxItemDetail> {
    return this.replies.sendApproved(itemId, replyId, body);
  }

  @Post(':itemId/moderation')
  @HttpCode(200)
  @RequirePermission('inbox.work')
  @BodySchema(ModerateInboxItemRequest)
  moderate(@Param('itemId', id) itemId: string, @ValidBody(ModerateInboxItemRequest) body: ModerateInboxItemRequest): Promise<InboxItemDetail> {
    return this.workflow.moderate(itemId, body);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { InboxItemDetail, SecureEvidenceRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { InboxEvidenceService } from './inbox-evidence.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);

/** "Beweis sichern" and the evidence report PDF. */
@ApiTags('inbox')
@Controller('orgs/:orgId/inbox/items/:itemId/evidence')
export class InboxEvidenceController {
  constructor(private readonly evidence: InboxEvidenceService) {}

  @Post()
  @RequirePermission('inbox.work')
  @BodySchema(SecureEvidenceRequest)
  secure(@Param('itemId', id) itemId: string, @ValidBody(SecureEvidenceRequest) body: SecureEvidenceRequest): Promise<InboxItemDetail> {
    return this.evidence.secure(itemId, body as SecureEvidenceRequest & { context: string });
  }

  @Get(':evidenceId/report.pdf')
  @RequirePermission('inbox.work')
  @ApiProduces('application/pdf')
  async report(@Param('itemId', id) itemId: string, @Param('evidenceId', id) evidenceId: string): Promise<StreamableFile> {
    const file = await this.evidence.report(itemId, evidenceId);
    return new StreamableFile(file.content, { type: 'application/pdf', disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}

import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ApprovalProtocolService } from './approval-protocol.service';

const postId = new ParseUUIDPipe(notFoundOnBadUuid);

/** The Freigabeprotokoll of a post as a PDF download (Aktenvermerk). */
@ApiTags('approvals')
@Controller('orgs/:orgId/posts/:postId')
export class ApprovalProtocolController {
  constructor(private readonly protocols: ApprovalProtocolService) {}

  @Get('approval-protocol.pdf')
  @RequirePermission('posts.read')
  @ApiProduces('application/pdf')
  async download(@Param('postId', postId) id: string): Promise<StreamableFile> {
    const file = await this.protocols.export(id);
    return new StreamableFile(file.content, { type: 'application/pdf', disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}

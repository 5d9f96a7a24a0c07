import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PlanExportQuery } from '@amtsplan/contracts';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { PlanExportService } from './plan-export.service';

@ApiTags('plan-exchange')
@Controller('orgs/:orgId/plan-export')
export class PlanExportController {
  constructor(private readonly exports: PlanExportService) {}

  /** `?format=xlsx|csv` and the filters of the plan's list; answers a file download. */
  @Get()
  @RequirePermission('posts.read')
  async download(@Query(new ZodValidationPipe(PlanExportQuery)) query: PlanExportQuery): Promise<StreamableFile> {
    const file = await this.exports.export(query);
    return new StreamableFile(file.content, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}

import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { PLAN_IMPORT_MODES, PlanImportPreview, PlanImportResult } from '@amtsplan/contracts';
import type { FastifyRequest } from 'fastify';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { receiveImportUpload } from './import-upload';
import { PlanImportService } from './plan-import.service';

const FILE = { type: 'string', format: 'binary', description: 'Excel-Arbeitsmappe (.xlsx) oder CSV in UTF-8' };

@ApiTags('plan-exchange')
@Controller('orgs/:orgId/plan-import')
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  /** Columns, a suggested mapping and the first rows, so people can check the mapping before importing. */
  @Post('preview')
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: FILE } } })
  async preview(@Req() request: FastifyRequest): Promise<PlanImportPreview> {
    return this.imports.preview(await receiveImportUpload(request, this.imports.maxBytes));
  }

  @Post()
  @HttpCode(200)
  @RequirePermission('posts.plan')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'mapping'],
      properties: {
        file: FILE,
        mapping: { type: 'string', description: 'JSON: Feld → Spaltenüberschrift, z. B. {"date":"Datum","workingTitle":"Thema"}' },
        mode: { type: 'string', enum: [...PLAN_IMPORT_MODES], default: 'all-or-nothing' },
      },
    },
  })
  async import(@Req() request: FastifyRequest): Promise<PlanImportResult> {
    return this.imports.import(await receiveImportUpload(request, this.imports.maxBytes));
  }
}

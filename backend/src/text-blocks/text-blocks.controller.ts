import { Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApprovalRequestView,
  CreateTextBlockRequest,
  RecordTextBlockUseRequest,
  StarterPackResult,
  SubmitTextBlockRequest,
  TextBlockHit,
  TextBlockImportRequest,
  TextBlockImportResult,
  TextBlockListQuery,
  TextBlockView,
  UpdateTextBlockRequest,
} from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { TextBlockApproval } from './text-block-approval';
import { TextBlockCsv } from './text-block-csv';
import { TextBlockStarterPack } from './text-block-starter-pack';
import { TextBlocksService } from './text-blocks.service';

const id = new ParseUUIDPipe(notFoundOnBadUuid);

/** Textbausteine: list and search, create and edit, Freigabe, use, CSV and the starter pack. */
@ApiTags('text-blocks')
@Controller('orgs/:orgId/text-blocks')
export class TextBlocksController {
  constructor(
    private readonly blocks: TextBlocksService,
    private readonly approval: TextBlockApproval,
    private readonly csv: TextBlockCsv,
    private readonly starterPack: TextBlockStarterPack,
  ) {}

  @Get()
  @RequirePermission('posts.read')
  list(@Query(new ZodValidationPipe(TextBlockListQuery)) query: TextBlockListQuery): Promise<TextBlockHit[]> {
    return this.blocks.list(query);
  }

  @Post()
  @RequirePermission('textBlocks.write')
  @BodySchema(CreateTextBlockRequest)
  create(@ValidBody(CreateTextBlockRequest) body: CreateTextBlockRequest & { platforms: string[]; tags: string[] }): Promise<TextBlockView> {
    return this.blocks.create(body);
  }

  @Get('export.csv')
  @RequirePermission('posts.read')
  async export(): Promise<StreamableFile> {
    const content = Buffer.from(await this.csv.export(), 'utf8');
    return new StreamableFile(content, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="textbausteine.csv"', length: content.length });
  }

  @Post('import')
  @RequirePermission('textBlocks.write')
  @BodySchema(TextBlockImportRequest)
  import(@ValidBody(TextBlockImportRequest) body: TextBlockImportRequest): Promise<TextBlockImportResult> {
    return this.csv.import(body.csv);
  }

  @Post('starter-pack')
  @RequirePermission('organization.settings.manage')
  loadStarterPack(): Promise<StarterPackResult> {
    return this.starterPack.load();
  }

  @Get(':textBlockId')
  @RequirePermission('posts.read')
  get(@Param('textBlockId', id) textBlockId: string): Promise<TextBlockView> {
    return this.blocks.get(textBlockId);
  }

  @Patch(':textBlockId')
  @RequirePermission('textBlocks.write')
  @BodySchema(UpdateTextBlockRequest)
  update(@Param('textBlockId', id) textBlockId: string, @ValidBody(UpdateTextBlockRequest) body: UpdateTextBlockRequest): Promise<TextBlockView> {
    return this.blocks.update(textBlockId, body);
  }

  @Post(':textBlockId/submit')
  @RequirePermission('textBlocks.write')
  @BodySchema(SubmitTextBlockRequest)
  submit(@Param('textBlockId', id) textBlockId: string, @ValidBody(SubmitTextBlockRequest) body: SubmitTextBlockRequest): Promise<ApprovalRequestView> {
    return this.approval.submit(textBlockId, body);
  }

  @Post(':textBlockId/uses')
  @RequirePermission('textBlocks.write')
  @BodySchema(RecordTextBlockUseRequest)
  recordUse(@Param('textBlockId', id) textBlockId: string, @ValidBody(RecordTextBlockUseRequest) body: RecordTextBlockUseRequest): Promise<TextBlockView> {
    return this.blocks.recordUse(textBlockId, body);
  }
}

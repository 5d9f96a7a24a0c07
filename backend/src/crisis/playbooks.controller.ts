import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CopyPlaybookTemplateRequest,
  CreatePlaybookRequest,
  PlaybookTemplateView,
  PlaybookVersionStatusRequest,
  PlaybookView,
  UpdatePlaybookRequest,
} from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { PlaybooksService } from './playbooks.service';

const playbookId = new ParseUUIDPipe(notFoundOnBadUuid);

/** Krisen-Playbooks: every member reads them; the administration writes them; people who approve sign them off. */
@ApiTags('crisis')
@Controller('orgs/:orgId/playbooks')
export class PlaybooksController {
  constructor(private readonly playbooks: PlaybooksService) {}

  @Get()
  @RequirePermission('posts.read')
  list(): Promise<PlaybookView[]> {
    return this.playbooks.list();
  }

  @Get('templates')
  @RequirePermission('posts.read')
  templates(): PlaybookTemplateView[] {
    return this.playbooks.templates();
  }

  @Post()
  @RequirePermission('organization.settings.manage')
  @BodySchema(CreatePlaybookRequest)
  create(@ValidBody(CreatePlaybookRequest) body: CreatePlaybookRequest): Promise<PlaybookView> {
    return this.playbooks.create(body);
  }

  @Post('copy-template')
  @RequirePermission('organization.settings.manage')
  @BodySchema(CopyPlaybookTemplateRequest)
  copy(@ValidBody(CopyPlaybookTemplateRequest) body: CopyPlaybookTemplateRequest): Promise<PlaybookView> {
    return this.playbooks.copyTemplate(body.templateKey);
  }

  @Get(':playbookId')
  @RequirePermission('posts.read')
  get(@Param('playbookId', playbookId) id: string): Promise<PlaybookView> {
    return this.playbooks.get(id);
  }

  @Patch(':playbookId')
  @RequirePermission('organization.settings.manage')
  @BodySchema(UpdatePlaybookRequest)
  update(@Param('playbookId', playbookId) id: string, @ValidBody(UpdatePlaybookRequest) body: UpdatePlaybookRequest): Promise<PlaybookView> {
    return this.playbooks.update(id, body);
  }

  @Post(':playbookId/version-status')
  @HttpCode(200)
  @RequirePermission('approvals.decide')
  @BodySchema(PlaybookVersionStatusRequest)
  versionStatus(@Param('playbookId', playbookId) id: string, @ValidBody(PlaybookVersionStatusRequest) body: PlaybookVersionStatusRequest): Promise<PlaybookView> {
    return this.playbooks.changeVersionStatus(id, body);
  }

  @Delete(':playbookId')
  @HttpCode(204)
  @RequirePermission('organization.settings.manage')
  async remove(@Param('playbookId', playbookId) id: string): Promise<void> {
    await this.playbooks.remove(id);
  }
}

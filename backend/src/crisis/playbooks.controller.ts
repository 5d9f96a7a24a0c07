import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApprovalRequestView,
  CopyPlaybookTemplateRequest,
  CreatePlaybookRequest,
  PlaybookTemplateView,
  PlaybookView,
  SubmitPlaybookRequest,
  UpdatePlaybookRequest,
} from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { PlaybookApproval } from './playbook-approval';
import { PlaybooksService } from './playbooks.service';

const playbookId = new ParseUUIDPipe(notFoundOnBadUuid);

/** Krisen-Playbooks: every member reads them; the administration writes and submits them; the Freigabe signs them off. */
@ApiTags('crisis')
@Controller('orgs/:orgId/playbooks')
export class PlaybooksController {
  constructor(
    private readonly playbooks: PlaybooksService,
    private readonly approval: PlaybookApproval,
  ) {}

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

  /** Submits the current version to the organization's Freigabe; the decision is made there (approval-requests). */
  @Post(':playbookId/submit')
  @RequirePermission('organization.settings.manage')
  @BodySchema(SubmitPlaybookRequest)
  submit(@Param('playbookId', playbookId) id: string, @ValidBody(SubmitPlaybookRequest) body: SubmitPlaybookRequest): Promise<ApprovalRequestView> {
    return this.approval.submit(id, body);
  }

  @Delete(':playbookId')
  @HttpCode(204)
  @RequirePermission('organization.settings.manage')
  async remove(@Param('playbookId', playbookId) id: string): Promise<void> {
    await this.playbooks.remove(id);
  }
}

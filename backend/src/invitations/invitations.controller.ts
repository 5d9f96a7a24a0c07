import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateInvitationRequest, InvitationCreated, InvitationView } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { InvitationsService } from './invitations.service';

@ApiTags('members')
@Controller('orgs/:orgId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @RequirePermission('members.manage')
  list(): Promise<InvitationView[]> {
    return this.invitations.list();
  }

  @Post()
  @RequirePermission('members.manage')
  @BodySchema(CreateInvitationRequest)
  create(@ValidBody(CreateInvitationRequest) body: CreateInvitationRequest): Promise<InvitationCreated> {
    return this.invitations.create(body);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @RequirePermission('members.manage')
  revoke(@Param('invitationId', new ParseUUIDPipe(notFoundOnBadUuid)) invitationId: string): Promise<void> {
    return this.invitations.revoke(invitationId);
  }
}

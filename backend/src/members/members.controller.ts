import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeMemberRoleRequest, Member } from '@amtsplan/contracts';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { MembersService } from './members.service';
import { notFoundOnBadUuid } from '../http/uuid-param';

@ApiTags('members')
@Controller('orgs/:orgId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('members.read')
  list(): Promise<Member[]> {
    return this.members.list();
  }

  @Patch(':memberId')
  @RequirePermission('members.manage')
  @BodySchema(ChangeMemberRoleRequest)
  changeRole(
    @Param('memberId', new ParseUUIDPipe(notFoundOnBadUuid)) memberId: string,
    @ValidBody(ChangeMemberRoleRequest) body: ChangeMemberRoleRequest,
  ): Promise<Member> {
    return this.members.changeRole(memberId, body);
  }

  @Delete(':memberId')
  @HttpCode(204)
  @RequirePermission('members.manage')
  remove(@Param('memberId', new ParseUUIDPipe(notFoundOnBadUuid)) memberId: string): Promise<void> {
    return this.members.remove(memberId);
  }
}

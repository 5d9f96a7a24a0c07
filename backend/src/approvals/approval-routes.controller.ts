import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApprovalRouteView, CreateApprovalRouteRequest, UpdateApprovalRouteRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ApprovalRoutesService } from './approval-routes.service';

const routeId = new ParseUUIDPipe(notFoundOnBadUuid);

/** Freigaberouten: every member sees which route applies; admins shape them. */
@ApiTags('approvals')
@Controller('orgs/:orgId/approval-routes')
export class ApprovalRoutesController {
  constructor(private readonly routes: ApprovalRoutesService) {}

  @Get()
  @RequirePermission('posts.read')
  list(): Promise<ApprovalRouteView[]> {
    return this.routes.list();
  }

  @Post()
  @RequirePermission('approvals.manage')
  @BodySchema(CreateApprovalRouteRequest)
  create(@ValidBody(CreateApprovalRouteRequest) body: CreateApprovalRouteRequest): Promise<ApprovalRouteView> {
    return this.routes.create(body);
  }

  @Patch(':routeId')
  @RequirePermission('approvals.manage')
  @BodySchema(UpdateApprovalRouteRequest)
  update(@Param('routeId', routeId) id: string, @ValidBody(UpdateApprovalRouteRequest) body: UpdateApprovalRouteRequest): Promise<ApprovalRouteView> {
    return this.routes.update(id, body);
  }

  @Delete(':routeId')
  @HttpCode(204)
  @RequirePermission('approvals.manage')
  async remove(@Param('routeId', routeId) id: string): Promise<void> {
    await this.routes.remove(id);
  }
}

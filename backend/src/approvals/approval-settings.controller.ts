import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApprovalSettingsView, UpdateApprovalSettingsRequest } from '@amtsplan/contracts';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ApprovalSettingsService } from './approval-settings.service';

@ApiTags('approvals')
@Controller('orgs/:orgId/approval-settings')
export class ApprovalSettingsController {
  constructor(private readonly settings: ApprovalSettingsService) {}

  @Get()
  @RequirePermission('posts.read')
  get(): Promise<ApprovalSettingsView> {
    return this.settings.get();
  }

  @Patch()
  @RequirePermission('approvals.manage')
  @BodySchema(UpdateApprovalSettingsRequest)
  update(@ValidBody(UpdateApprovalSettingsRequest) body: UpdateApprovalSettingsRequest): Promise<ApprovalSettingsView> {
    return this.settings.update(body);
  }
}

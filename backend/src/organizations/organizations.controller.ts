import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrganizationSettings } from '@amtsplan/contracts';
import { BUNDESLAENDER } from '@amtsplan/contracts';
import { ProblemException } from '../http/problem.exception';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { OrganizationRepository } from './organization.repository';

@ApiTags('organizations')
@Controller('orgs/:orgId')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationRepository) {}

  @Get()
  @RequirePermission('organization.read')
  async get(): Promise<OrganizationSettings> {
    const organization = await this.organizations.current();
    if (!organization) throw ProblemException.notFound();
    return {
      id: organization.id,
      name: organization.name,
      timeZone: organization.timeZone,
      bundesland: organization.bundesland as (typeof BUNDESLAENDER)[number],
      version: organization.version,
    };
  }
}

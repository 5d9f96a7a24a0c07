import { Injectable } from '@nestjs/common';
import type { CreateOrganizationRequest, OperatorOrganizationView } from '@amtsplan/contracts';
import { seedApprovalDefaults } from '../approvals/approval-defaults';
import { seedTextBlockDefaults } from '../text-blocks/text-block-defaults';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { InvitationIssuer } from '../invitations/invitation-issuer';
import { OrganizationRepository } from '../organizations/organization.repository';

/**
 * The installation operator creates authorities and invites their first admin. Its database
 * scope allows exactly that (row-level security): it never reads an organization's content.
 */
@Injectable()
export class OperatorService {
  constructor(
    private readonly database: Database,
    private readonly organizations: OrganizationRepository,
    private readonly issuer: InvitationIssuer,
    private readonly audit: AuditLog,
  ) {}

  list(operatorId: string): Promise<OperatorOrganizationView[]> {
    return this.database.transaction({ operator: true, userId: operatorId }, async ({ manager }) =>
      (await this.organizations.listAll(manager)).map((o) => ({ id: o.id, name: o.name, createdAt: o.createdAt.toISOString() })),
    );
  }

  async createOrganization(
    request: Required<CreateOrganizationRequest>,
    operatorId: string,
    ip: string,
  ): Promise<{ organization: OperatorOrganizationView; acceptUrl: string }> {
    return this.database.transaction({ operator: true, userId: operatorId }, async (tx) => {
      const organization = await this.organizations.create(tx.manager, { name: request.name, timeZone: request.timeZone, bundesland: request.bundesland });
      await seedApprovalDefaults(tx.manager, organization.id);
      await seedTextBlockDefaults(tx.manager, organization.id);
      await this.audit.record(tx.manager, {
        action: 'organization.created',
        organizationId: organization.id,
        actorUserId: operatorId,
        objectType: 'organization',
        objectId: organization.id,
        details: { name: organization.name },
        ip,
      });
      const { acceptUrl } = await this.issuer.issue(tx, { organizationId: organization.id, email: request.firstAdminEmail, role: 'admin', invitedByUserId: operatorId, ip });
      const { id, name, createdAt } = organization;
      return { organization: { id, name, createdAt: createdAt.toISOString() }, acceptUrl };
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { CreateOrganizationRequest, OperatorOrganizationView } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { InvitationLinks } from '../invitations/invitation-links';
import { InvitationRepository } from '../invitations/invitation.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';

/**
 * The installation operator creates authorities and invites their first admin. Its database
 * scope allows exactly that (row-level security): it never reads an organization's content.
 */
@Injectable()
export class OperatorService {
  constructor(
    private readonly database: Database,
    private readonly organizations: OrganizationRepository,
    private readonly invitations: InvitationRepository,
    private readonly links: InvitationLinks,
    private readonly jobs: JobQueue,
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
    const link = this.links.issue();
    const result = await this.database.transaction({ operator: true, userId: operatorId }, async ({ manager }) => {
      const organization = await this.organizations.create(manager, { name: request.name, timeZone: request.timeZone, bundesland: request.bundesland });
      const invitationId = await this.invitations.create(manager, {
        organizationId: organization.id,
        email: request.firstAdminEmail,
        role: 'admin',
        tokenHash: link.tokenHash,
        invitedByUserId: operatorId,
        expiresAt: link.expiresAt,
      });
      const base = { organizationId: organization.id, actorUserId: operatorId, ip };
      await this.audit.record(manager, { ...base, action: 'organization.created', objectType: 'organization', objectId: organization.id, details: { name: organization.name } });
      await this.audit.record(manager, { ...base, action: 'invitation.created', objectType: 'invitation', objectId: invitationId, details: { email: request.firstAdminEmail, role: 'admin' } });
      return { organization, invitationId };
    });
    await this.jobs.enqueue(
      JobName.InvitationMail,
      { organizationId: result.organization.id, invitationId: result.invitationId, acceptUrl: link.acceptUrl },
      { jobId: jobId(JobName.InvitationMail, result.invitationId) },
    );
    const { id, name, createdAt } = result.organization;
    return { organization: { id, name, createdAt: createdAt.toISOString() }, acceptUrl: link.acceptUrl };
  }
}

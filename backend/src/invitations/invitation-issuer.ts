import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { ScopedTransaction } from '../database/scoped-transaction';
import { JobQueue } from '../queues/job-queue';
import { jobId, JobName } from '../queues/queue-registry';
import { InvitationLinks } from './invitation-links';
import { InvitationRepository } from './invitation.repository';

export interface InvitationToIssue {
  readonly organizationId: string;
  readonly email: string;
  readonly role: OrganizationRole;
  readonly invitedByUserId: string;
  readonly ip: string | null;
}

/**
 * Creates an invitation with its secret link, audits it, and mails the link once the
 * transaction has committed (the mail handler re-reads the invitation, which it could not see
 * before). Used by an organization's admins and by the installation operator alike.
 */
@Injectable()
export class InvitationIssuer {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly links: InvitationLinks,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
  ) {}

  async issue(tx: ScopedTransaction, invitation: InvitationToIssue): Promise<{ id: string; acceptUrl: string }> {
    const link = this.links.issue();
    const { organizationId, email, role, invitedByUserId, ip } = invitation;
    const id = await this.invitations.create(tx.manager, { organizationId, email, role, tokenHash: link.tokenHash, invitedByUserId, expiresAt: link.expiresAt });
    await this.audit.record(tx.manager, {
      action: 'invitation.created',
      organizationId,
      actorUserId: invitedByUserId,
      objectType: 'invitation',
      objectId: id,
      details: { email, role },
      ip,
    });
    tx.afterCommit(() =>
      this.jobs.enqueue(JobName.InvitationMail, { organizationId, invitationId: id, acceptUrl: link.acceptUrl }, { jobId: jobId(JobName.InvitationMail, id) }),
    );
    return { id, acceptUrl: link.acceptUrl };
  }
}

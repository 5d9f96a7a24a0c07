import { Injectable } from '@nestjs/common';
import type { CreateInvitationRequest, InvitationCreated, InvitationView } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { UserRepository } from '../users/user.repository';
import { InvitationIssuer } from './invitation-issuer';
import { toInvitationView } from './invitation-links';
import { InvitationRepository } from './invitation.repository';

/** Invitations managed by an organization's admins. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly issuer: InvitationIssuer,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<InvitationView[]> {
    const now = new Date();
    return (await this.invitations.list()).map((i) => toInvitationView(i, now));
  }

  async create(request: CreateInvitationRequest): Promise<InvitationCreated> {
    const scope = RequestScope.organization();
    const existing = await this.users.findByEmail(scope.tx.manager, request.email);
    if (existing && (await this.memberships.findForUserInOrganization(scope.tx.manager, scope.organizationId, existing.id))) {
      throw ProblemException.conflict('Diese Person ist bereits Mitglied der Behörde.');
    }
    const now = new Date();
    // A new link replaces any older pending one for the same address.
    await this.invitations.revokePendingFor(request.email, now);
    const { id, acceptUrl } = await this.issuer.issue(scope.tx, {
      organizationId: scope.organizationId,
      email: request.email,
      role: request.role,
      invitedByUserId: scope.userId,
      ip: scope.ip,
    });
    const invitation = await this.invitations.find(id);
    if (!invitation) throw new Error('invitation vanished in its own transaction');
    return { invitation: toInvitationView(invitation, now), acceptUrl };
  }

  async revoke(id: string): Promise<void> {
    const invitation = await this.invitations.find(id);
    if (!invitation) throw ProblemException.notFound();
    if (!(await this.invitations.revoke(id, new Date()))) {
      throw ProblemException.conflict('Die Einladung wurde bereits angenommen oder zurückgezogen.');
    }
    await this.audit.recordInOrganization({
      action: 'invitation.revoked',
      objectType: 'invitation',
      objectId: id,
      details: { email: invitation.email },
    });
  }
}

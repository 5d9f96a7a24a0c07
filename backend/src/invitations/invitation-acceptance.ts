import { Injectable } from '@nestjs/common';
import type { AcceptInvitationRequest, InvitationPreview, MeResponse } from '@amtsplan/contracts';
import { invitationStatus } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { AuthService } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionUser } from '../auth/request-auth';
import { hashToken } from '../auth/session-token';
import { Sessions } from '../auth/sessions';
import { Database } from '../database/database';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { UserRepository } from '../users/user.repository';
import { InvitationRepository } from './invitation.repository';

const UNUSABLE = 'Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.';

/** The invitee's side: look at a link, then accept it once. */
@Injectable()
export class InvitationAcceptance {
  constructor(
    private readonly database: Database,
    private readonly invitations: InvitationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly auth: AuthService,
    private readonly audit: AuditLog,
  ) {}

  preview(token: string): Promise<InvitationPreview> {
    const invitationTokenHash = hashToken(token);
    return this.database.transaction({ invitationTokenHash }, async (tx) => {
      const invitation = await this.invitations.findByTokenHash(tx.manager, invitationTokenHash);
      if (!invitation || invitationStatus(invitation, new Date()) !== 'pending') throw ProblemException.notFound(UNUSABLE);
      await tx.enterOrganization(invitation.organizationId);
      const organization = await this.organizations.findById(tx.manager, invitation.organizationId);
      const account = await this.users.findByEmail(tx.manager, invitation.email);
      return { organizationName: organization?.name ?? '', email: invitation.email, role: invitation.role, accountExists: account !== null };
    });
  }

  /** Returns the user's view and, for a new account, the token of the session it starts. */
  async accept(
    token: string,
    request: AcceptInvitationRequest,
    currentUser: SessionUser | null,
    client: { ip: string; userAgent: string | null },
  ): Promise<{ me: MeResponse; sessionToken: string | null }> {
    const invitationTokenHash = hashToken(token);
    const newAccount = request.password !== undefined && request.displayName !== undefined ? { displayName: request.displayName, password: request.password } : null;
    const passwordHash = newAccount && !currentUser ? await this.hasher.hash(newAccount.password) : null;

    return this.database.transaction({ invitationTokenHash, userId: currentUser?.id }, async (tx) => {
      const found = await this.invitations.findByTokenHash(tx.manager, invitationTokenHash);
      if (!found) throw ProblemException.notFound(UNUSABLE);
      // Locking needs the organization's scope (row-level security applies UPDATE policies to FOR UPDATE).
      await tx.enterOrganization(found.organizationId);
      const invitation = await this.invitations.findByTokenHashForUpdate(tx.manager, invitationTokenHash);
      const now = new Date();
      if (!invitation || invitationStatus(invitation, now) !== 'pending') throw ProblemException.notFound(UNUSABLE);

      let userId: string;
      let sessionToken: string | null = null;
      if (currentUser) {
        if (currentUser.email !== invitation.email) {
          throw ProblemException.forbidden(`Diese Einladung gilt für ${invitation.email}. Bitte mit dieser Adresse anmelden.`);
        }
        userId = currentUser.id;
      } else {
        if (await this.users.findByEmail(tx.manager, invitation.email)) {
          throw ProblemException.conflict('Für diese Adresse gibt es schon ein Konto. Bitte zuerst anmelden, dann die Einladung annehmen.');
        }
        if (!newAccount || !passwordHash) {
          throw ProblemException.validation([
            { path: 'displayName', message: 'Bitte einen Namen angeben' },
            { path: 'password', message: 'Bitte ein Passwort wählen' },
          ]);
        }
        const user = await this.users.create(tx.manager, { email: invitation.email, displayName: newAccount.displayName, passwordHash });
        userId = user.id;
        sessionToken = await this.sessions.start(tx.manager, userId, client.userAgent);
      }

      await tx.apply({ ...tx.scope, userId });
      if (await this.memberships.findForUserInOrganization(tx.manager, invitation.organizationId, userId)) {
        throw ProblemException.conflict('Sie sind bereits Mitglied dieser Behörde.');
      }
      const membershipId = await this.memberships.create(tx.manager, invitation.organizationId, userId, invitation.role);
      if (!(await this.invitations.markAccepted(tx.manager, invitation.id, userId, now))) throw ProblemException.notFound(UNUSABLE);
      await this.audit.record(tx.manager, {
        action: 'invitation.accepted',
        organizationId: invitation.organizationId,
        actorUserId: userId,
        objectType: 'membership',
        objectId: membershipId,
        details: { invitationId: invitation.id, role: invitation.role, newAccount: sessionToken !== null },
        ip: client.ip,
      });
      return { me: await this.auth.meIn(tx.manager, userId), sessionToken };
    });
  }
}

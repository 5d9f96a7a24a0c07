import { Injectable } from '@nestjs/common';
import { invitationStatus, ROLE_LABELS_DE } from '@amtsplan/domain';
import { Database } from '../database/database';
import { InvitationRepository } from '../invitations/invitation.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { JobHandler, JobName, JobPayloads } from '../queues/queue-registry';
import { Mailer } from './mailer';

@Injectable()
export class InvitationMailHandler implements JobHandler<JobName.InvitationMail> {
  readonly job = JobName.InvitationMail;

  constructor(
    private readonly database: Database,
    private readonly invitations: InvitationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly mailer: Mailer,
  ) {}

  async handle(payload: JobPayloads[JobName.InvitationMail]): Promise<void> {
    const mail = await this.database.transaction({ organizationId: payload.organizationId }, async ({ manager }) => {
      const invitation = await this.invitations.findInOrganization(manager, payload.organizationId, payload.invitationId);
      // Re-read state: a revoked, accepted or rolled-back invitation gets no mail.
      if (!invitation || invitationStatus(invitation, new Date()) !== 'pending') return null;
      const organization = await this.organizations.findById(manager, payload.organizationId);
      return { to: invitation.email, organization: organization?.name ?? 'Ihre Behörde', role: invitation.role, expiresAt: invitation.expiresAt };
    });
    if (!mail) return;
    const until = mail.expiresAt.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' });
    await this.mailer.send({
      to: mail.to,
      subject: `Einladung zu Amtsplan: ${mail.organization}`,
      text: [
        'Guten Tag,',
        '',
        `Sie wurden eingeladen, in Amtsplan bei „${mail.organization}“ mitzuarbeiten (Rolle: ${ROLE_LABELS_DE[mail.role]}).`,
        '',
        'Mit diesem Link nehmen Sie die Einladung an:',
        payload.acceptUrl,
        '',
        `Der Link ist einmal verwendbar und gilt bis ${until} Uhr.`,
        'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
      ].join('\n'),
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { INVITATION_VALIDITY_MS, invitationStatus } from '@amtsplan/domain';
import type { InvitationView } from '@amtsplan/contracts';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/session-token';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { InvitationEntity } from './invitation.entity';

/** Creates the secret part of an invitation link; only its hash is stored. */
@Injectable()
export class InvitationLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(now = new Date()): { token: string; tokenHash: string; acceptUrl: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return {
      token,
      tokenHash: hashToken(token),
      acceptUrl: `${this.config.appOrigin}/einladung/${token}`,
      expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
    };
  }
}

export function toInvitationView(invitation: InvitationEntity, now = new Date()): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

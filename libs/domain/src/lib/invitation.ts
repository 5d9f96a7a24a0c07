import { defineStateMachine } from './state-machine';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const invitationMachine = defineStateMachine<InvitationStatus>('invitation', {
  pending: ['accepted', 'revoked', 'expired'],
  accepted: [],
  revoked: [],
  expired: [],
});

/** Seven days: long enough for a department head's inbox, short enough to limit a leaked link. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationFacts {
  readonly acceptedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly expiresAt: Date;
}

/** Expiry is a fact of time, not a stored transition: derive the status when it is read. */
export function invitationStatus(facts: InvitationFacts, now: Date): InvitationStatus {
  if (facts.acceptedAt) return 'accepted';
  if (facts.revokedAt) return 'revoked';
  if (facts.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

import { invitationMachine, invitationStatus } from './invitation';

describe('invitation', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const later = new Date('2026-11-23T10:00:00Z');
  const earlier = new Date('2026-11-21T10:00:00Z');

  it('is pending until it expires', () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('pending');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
  });

  it('stays accepted or revoked after the expiry', () => {
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe('accepted');
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe('revoked');
  });

  it('can be used once only', () => {
    expect(invitationMachine.canTransition('pending', 'accepted')).toBe(true);
    expect(invitationMachine.canTransition('accepted', 'accepted')).toBe(false);
    expect(invitationMachine.canTransition('expired', 'accepted')).toBe(false);
    expect(invitationMachine.canTransition('revoked', 'accepted')).toBe(false);
  });
});

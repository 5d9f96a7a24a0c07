import type { InvitationPreview, MeResponse } from '@amtsplan/contracts';
import { acceptanceMode } from './accept-invitation-page';

const INVITATION: InvitationPreview = {
  organizationName: 'Stadt Musterstadt',
  email: 'neu@musterstadt.example',
  role: 'approver',
  accountExists: false,
};

function signedIn(email: string): MeResponse {
  return { user: { id: 'u', email, displayName: 'N', locale: 'de', isOperator: false }, memberships: [] };
}

describe('acceptanceMode', () => {
  it('lets a new person create an account', () => {
    expect(acceptanceMode(INVITATION, null)).toBe('create-account');
  });

  it('asks someone with an account to log in first', () => {
    expect(acceptanceMode({ ...INVITATION, accountExists: true }, null)).toBe('log-in-first');
  });

  it('offers one button to the invited person when logged in, whatever the case of the address', () => {
    expect(acceptanceMode(INVITATION, signedIn('Neu@Musterstadt.example'))).toBe('accept');
  });

  it('stops someone logged in with another address', () => {
    expect(acceptanceMode(INVITATION, signedIn('admin@musterstadt.example'))).toBe('other-account');
  });
});

import { refuseMembershipChange } from './membership-rules';

describe('refuseMembershipChange', () => {
  const oneAdmin = [
    { memberId: 'a', role: 'admin' as const },
    { memberId: 'e', role: 'editor' as const },
  ];

  it('refuses to demote or remove the last admin', () => {
    expect(refuseMembershipChange(oneAdmin, 'a', 'viewer')).toBe('last-admin');
    expect(refuseMembershipChange(oneAdmin, 'a', 'removed')).toBe('last-admin');
  });

  it('allows it when another admin remains', () => {
    const twoAdmins = [...oneAdmin, { memberId: 'b', role: 'admin' as const }];
    expect(refuseMembershipChange(twoAdmins, 'a', 'removed')).toBeNull();
  });

  it('does not care about non-admins or about keeping the admin role', () => {
    expect(refuseMembershipChange(oneAdmin, 'e', 'removed')).toBeNull();
    expect(refuseMembershipChange(oneAdmin, 'a', 'admin')).toBeNull();
  });
});

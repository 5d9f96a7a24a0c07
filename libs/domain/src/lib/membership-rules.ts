import type { OrganizationRole } from './roles';

export interface MemberRoleView {
  readonly memberId: string;
  readonly role: OrganizationRole;
}

export type MembershipChangeRefusal = 'last-admin';

/**
 * An organization must always keep at least one admin, or nobody could manage members
 * any more and only the installation operator could repair it.
 */
export function refuseMembershipChange(
  members: readonly MemberRoleView[],
  memberId: string,
  newRole: OrganizationRole | 'removed',
): MembershipChangeRefusal | null {
  const target = members.find((m) => m.memberId === memberId);
  if (!target || target.role !== 'admin' || newRole === 'admin') return null;
  const admins = members.filter((m) => m.role === 'admin').length;
  return admins <= 1 ? 'last-admin' : null;
}

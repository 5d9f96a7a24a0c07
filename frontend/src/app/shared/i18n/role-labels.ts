import type { OrganizationRole } from '@amtsplan/domain';
import type { PlainMessageKey } from './translate';

const ROLE_LABELS: { readonly [R in OrganizationRole]: PlainMessageKey } = {
  admin: 'role.admin',
  editor: 'role.editor',
  approver: 'role.approver',
  contributor: 'role.contributor',
  moderator: 'role.moderator',
  viewer: 'role.viewer',
};

export function roleLabelKey(role: OrganizationRole): PlainMessageKey {
  return ROLE_LABELS[role];
}

import { isOrganizationRole, ORGANIZATION_ROLES, roleAllows } from './roles';

describe('roles', () => {
  it('lets only admins manage members and see queues', () => {
    for (const role of ORGANIZATION_ROLES) {
      expect(roleAllows(role, 'members.manage')).toBe(role === 'admin');
      expect(roleAllows(role, 'queues.view')).toBe(role === 'admin');
    }
  });

  it('lets every role read its organization and members', () => {
    for (const role of ORGANIZATION_ROLES) expect(roleAllows(role, 'members.read')).toBe(true);
  });

  it('lets Redaktion, Leitung and admins decide approvals, and only admins manage the routes', () => {
    for (const role of ORGANIZATION_ROLES) {
      expect(roleAllows(role, 'approvals.decide')).toBe(['admin', 'editor', 'approver'].includes(role));
      expect(roleAllows(role, 'approvals.manage')).toBe(role === 'admin');
    }
  });

  it('recognises role names', () => {
    expect(isOrganizationRole('approver')).toBe(true);
    expect(isOrganizationRole('participant')).toBe(false);
    expect(isOrganizationRole(undefined)).toBe(false);
  });
});

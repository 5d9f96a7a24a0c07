import { AuditEventEntity } from '../audit/audit-event.entity';
import { SessionEntity } from '../auth/session.entity';
import { InvitationEntity } from '../invitations/invitation.entity';
import { MembershipEntity } from '../members/membership.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';

/** Listed, not globbed: globs do not resolve after bundling. */
export const ENTITIES = [
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  InvitationEntity,
  SessionEntity,
  AuditEventEntity,
];

/**
 * Tables that hold one organization's data. Each has `organization_id`, row-level security,
 * and appears in the tenant matrix test. Adding a tenant table means adding it here.
 */
export const TENANT_TABLES = ['organizations', 'memberships', 'invitations', 'audit_events'] as const;

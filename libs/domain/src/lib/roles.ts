/** Roles a user can hold in one organization (DESIGN.md). */
export const ORGANIZATION_ROLES = ['admin', 'editor', 'approver', 'contributor', 'moderator', 'viewer'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/** Roles in the learning program; they live on enrolments, not on memberships. */
export const PROGRAM_ROLES = ['participant', 'facilitator'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

export const PERMISSIONS = [
  'organization.read',
  'organization.settings.manage',
  'members.read',
  'members.manage',
  'audit.read',
  'queues.view',
  'posts.read',
  /** Plan and edit every post of the organization. */
  'posts.plan',
  /** Create drafts and edit one's own drafts (Fachbereich). */
  'posts.propose',
  'channels.manage',
  'topics.manage',
  /** Decide approval steps the route names one for (four-eyes is checked per request, see decide). */
  'approvals.decide',
  /** Freigaberouten and the approval settings (self-approval, election blackout periods). */
  'approvals.manage',
  /** Write text blocks, submit them for approval and record their use in replies. */
  'textBlocks.write',
  /** Read the Posteingang; a contributor sees only items forwarded to them (department). */
  'inbox.read',
  /** Work the Posteingang: capture, assign, categorise, answer, forward, secure evidence. */
  'inbox.work',
  /** Office hours, response target, retention, departments and routing rules of the Posteingang. */
  'inbox.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERY_MEMBER: readonly Permission[] = ['organization.read', 'members.read', 'posts.read'];
const PLANNER: readonly Permission[] = [...EVERY_MEMBER, 'posts.plan', 'posts.propose', 'channels.manage', 'topics.manage'];

/**
 * Which role may do what. Feature issues extend this table; the API guard and the UI both
 * read it, so a button is never shown for an action the API would refuse.
 */
export const ROLE_PERMISSIONS: { readonly [R in OrganizationRole]: readonly Permission[] } = {
  admin: [...PLANNER, 'approvals.decide', 'approvals.manage', 'organization.settings.manage', 'members.manage', 'audit.read', 'queues.view', 'textBlocks.write', 'inbox.read', 'inbox.work', 'inbox.manage'],
  editor: [...PLANNER, 'approvals.decide', 'textBlocks.write', 'inbox.read', 'inbox.work'],
  approver: [...EVERY_MEMBER, 'approvals.decide'],
  contributor: [...EVERY_MEMBER, 'posts.propose', 'inbox.read'],
  moderator: [...EVERY_MEMBER, 'textBlocks.write', 'inbox.read', 'inbox.work'],
  viewer: EVERY_MEMBER,
};

/** German role names (mails, exports); the frontend has its own bilingual dictionary. */
export const ROLE_LABELS_DE: { readonly [R in OrganizationRole]: string } = {
  admin: 'Administration',
  editor: 'Redaktion',
  approver: 'Leitung (Freigabe)',
  contributor: 'Fachbereich',
  moderator: 'Community-Management',
  viewer: 'Lesezugriff',
};

export function isOrganizationRole(value: unknown): value is OrganizationRole {
  return typeof value === 'string' && (ORGANIZATION_ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: OrganizationRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

import { z } from 'zod';
import { ORGANIZATION_ROLES } from '@amtsplan/domain';
import { displayName, email, newPassword, version } from './common';

export const OrganizationRoleSchema = z.enum(ORGANIZATION_ROLES, { message: 'Unbekannte Rolle' });

export const Member = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  role: OrganizationRoleSchema,
  version: z.number(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const ChangeMemberRoleRequest = z.strictObject({ role: OrganizationRoleSchema, version });
export type ChangeMemberRoleRequest = z.infer<typeof ChangeMemberRoleRequest>;

export const CreateInvitationRequest = z.strictObject({ email, role: OrganizationRoleSchema });
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequest>;

export const InvitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: OrganizationRoleSchema,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** The link is returned once, to the inviter, and mailed to the invitee; only its hash is stored. */
export const InvitationCreated = z.object({ invitation: InvitationView, acceptUrl: z.string() });
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const InvitationPreview = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: OrganizationRoleSchema,
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** New people choose name and password; people with an account accept while logged in. */
export const AcceptInvitationRequest = z
  .strictObject({ displayName: displayName.optional(), password: newPassword.optional() })
  .superRefine((value, context) => {
    // Both or neither: a new account needs a name and a password; an existing one needs none.
    if (value.password !== undefined && value.displayName === undefined) {
      context.addIssue({ code: 'custom', path: ['displayName'], message: 'Bitte einen Namen angeben' });
    }
    if (value.displayName !== undefined && value.password === undefined) {
      context.addIssue({ code: 'custom', path: ['password'], message: 'Bitte ein Passwort wählen' });
    }
  });
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

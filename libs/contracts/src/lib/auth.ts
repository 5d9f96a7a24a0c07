import { z } from 'zod';
import { ORGANIZATION_ROLES } from '@amtsplan/domain';
import { email } from './common';

export const LoginRequest = z.strictObject({
  email,
  password: z.string().min(1, 'Bitte das Passwort angeben').max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Locale = z.enum(['de', 'en']);
export type Locale = z.infer<typeof Locale>;

export const MembershipView = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(ORGANIZATION_ROLES),
});
export type MembershipView = z.infer<typeof MembershipView>;

export const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    locale: Locale,
    isOperator: z.boolean(),
  }),
  memberships: z.array(MembershipView),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const UpdateProfileRequest = z.strictObject({ locale: Locale });
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/** Name of the cookie and header pair used for CSRF protection (Angular's defaults). */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
export const SESSION_COOKIE = 'amtsplan_session';

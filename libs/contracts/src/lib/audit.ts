import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'organization.created',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'membership.role_changed',
  'membership.removed',
  'operator.created',
  'channel.created',
  'channel.updated',
  'topic.created',
  'topic.updated',
  'post.created',
  'post.updated',
  'post.status_changed',
  'post.comment_added',
  'post.media_added',
  'post.media_updated',
  'post.media_removed',
  'series.created',
  'series.updated',
  'calendar_feed.created',
  'calendar_feed.revoked',
  'plan.imported',
  'plan.exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEventView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

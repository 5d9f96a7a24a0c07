import type { AuditAction, AuditEventView } from '@amtsplan/contracts';
import type { PlainMessageKey } from '../../shared/i18n/translate';

/** Typed against AUDIT_ACTIONS: a new action in the contracts fails the build until it has a label. */
const ACTION_LABELS: { readonly [A in AuditAction]: PlainMessageKey } = {
  'auth.login': 'auditAction.auth.login',
  'auth.login_failed': 'auditAction.auth.login_failed',
  'auth.logout': 'auditAction.auth.logout',
  'organization.created': 'auditAction.organization.created',
  'invitation.created': 'auditAction.invitation.created',
  'invitation.accepted': 'auditAction.invitation.accepted',
  'invitation.revoked': 'auditAction.invitation.revoked',
  'membership.role_changed': 'auditAction.membership.role_changed',
  'membership.removed': 'auditAction.membership.removed',
  'operator.created': 'auditAction.operator.created',
  'channel.created': 'auditAction.channel.created',
  'channel.updated': 'auditAction.channel.updated',
  'topic.created': 'auditAction.topic.created',
  'topic.updated': 'auditAction.topic.updated',
  'post.created': 'auditAction.post.created',
  'post.updated': 'auditAction.post.updated',
  'post.status_changed': 'auditAction.post.status_changed',
  'post.comment_added': 'auditAction.post.comment_added',
};

export function auditActionLabelKey(action: AuditAction): PlainMessageKey {
  return ACTION_LABELS[action];
}

/**
 * A one-line summary of the plain values in `details` (e-mail, role, …). Nested values are
 * left out: the log is for people reading it, not a dump.
 */
export function auditDetailsSummary(details: AuditEventView['details']): string {
  return Object.entries(details)
    .filter((entry): entry is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof entry[1]),
    )
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

import type { AuditAction, AuditEventView } from '@amtsplan/contracts';
import { PLATFORM_LABELS, isOrganizationRole, isPlatformId, isPostStatus } from '@amtsplan/domain';
import type { I18n } from '../../shared/i18n/i18n';
import { postStatusLabelKey } from '../../shared/i18n/post-status-labels';
import { roleLabelKey } from '../../shared/i18n/role-labels';
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
  'post.media_added': 'auditAction.post.media_added',
  'post.media_updated': 'auditAction.post.media_updated',
  'post.media_removed': 'auditAction.post.media_removed',
  'series.created': 'auditAction.series.created',
  'series.updated': 'auditAction.series.updated',
  'calendar_feed.created': 'auditAction.calendar_feed.created',
  'calendar_feed.revoked': 'auditAction.calendar_feed.revoked',
  'plan.imported': 'auditAction.plan.imported',
  'plan.exported': 'auditAction.plan.exported',
  'approval_route.created': 'auditAction.approval_route.created',
  'approval_route.updated': 'auditAction.approval_route.updated',
  'approval_route.deleted': 'auditAction.approval_route.deleted',
  'approval_settings.updated': 'auditAction.approval_settings.updated',
  'approval_settings.self_approval_changed': 'auditAction.approval_settings.self_approval_changed',
  'approval.submitted': 'auditAction.approval.submitted',
  'approval.decided': 'auditAction.approval.decided',
  'approval.self_approved': 'auditAction.approval.self_approved',
  'approval.voided': 'auditAction.approval.voided',
  'approval.withdrawn': 'auditAction.approval.withdrawn',
  'approval.protocol_exported': 'auditAction.approval.protocol_exported',
  'notification_preferences.updated': 'auditAction.notification_preferences.updated',
  'channel.credentials_updated': 'auditAction.channel.credentials_updated',
  'publication.attempted': 'auditAction.publication.attempted',
  'publication.missed': 'auditAction.publication.missed',
  'publication.confirmed': 'auditAction.publication.confirmed',
  'publication.marked_failed': 'auditAction.publication.marked_failed',
  'publication.published_late': 'auditAction.publication.published_late',
  'publication.retried': 'auditAction.publication.retried',
  'channel.credentials_removed': 'auditAction.channel.credentials_removed',
  'program.facilitator_granted': 'auditAction.program.facilitator_granted',
  'program.facilitator_revoked': 'auditAction.program.facilitator_revoked',
  'program.run_created': 'auditAction.program.run_created',
  'program.weeks_unlocked': 'auditAction.program.weeks_unlocked',
  'program.cohort_created': 'auditAction.program.cohort_created',
  'program.participant_enrolled': 'auditAction.program.participant_enrolled',
  'program.reflection_saved': 'auditAction.program.reflection_saved',
  'program.checklist_saved': 'auditAction.program.checklist_saved',
  'program.upload_saved': 'auditAction.program.upload_saved',
  'program.upload_removed': 'auditAction.program.upload_removed',
  'program.exercise_done': 'auditAction.program.exercise_done',
  'program.shared': 'auditAction.program.shared',
  'program.share_withdrawn': 'auditAction.program.share_withdrawn',
  'program.share_commented': 'auditAction.program.share_commented',
  'program.share_reacted': 'auditAction.program.share_reacted',
  'program.manifest_saved': 'auditAction.program.manifest_saved',
  'program.manifest_signed': 'auditAction.program.manifest_signed',
  'program.poster_exported': 'auditAction.program.poster_exported',
  'program.midpoint_review_saved': 'auditAction.program.midpoint_review_saved',
  'program.midpoint_review_submitted': 'auditAction.program.midpoint_review_submitted',
  'text_block.created': 'auditAction.text_block.created',
  'text_block.updated': 'auditAction.text_block.updated',
  'text_block.version_created': 'auditAction.text_block.version_created',
  'text_block.submitted': 'auditAction.text_block.submitted',
  'text_block.used': 'auditAction.text_block.used',
  'text_block.imported': 'auditAction.text_block.imported',
  'text_block.exported': 'auditAction.text_block.exported',
  'text_block.starter_pack_loaded': 'auditAction.text_block.starter_pack_loaded',
  'text_block.reminder_sent': 'auditAction.text_block.reminder_sent',
  'text_block_settings.updated': 'auditAction.text_block_settings.updated',
  'playbook.created': 'auditAction.playbook.created',
  'playbook.copied': 'auditAction.playbook.copied',
  'playbook.updated': 'auditAction.playbook.updated',
  'playbook.deleted': 'auditAction.playbook.deleted',
  'playbook.version_status_changed': 'auditAction.playbook.version_status_changed',
  'playbook.submitted': 'auditAction.playbook.submitted',
  'playbook.review_reminded': 'auditAction.playbook.review_reminded',
  'incident.declared': 'auditAction.incident.declared',
  'incident.level_changed': 'auditAction.incident.level_changed',
  'incident.checklist_step_changed': 'auditAction.incident.checklist_step_changed',
  'incident.contact_alerted': 'auditAction.incident.contact_alerted',
  'incident.note_added': 'auditAction.incident.note_added',
  'incident.statement_used': 'auditAction.incident.statement_used',
  'crisis_detection.raised': 'auditAction.crisis_detection.raised',
  'crisis_detection.dismissed': 'auditAction.crisis_detection.dismissed',
  'incident.ended': 'auditAction.incident.ended',
  'incident.reviewed': 'auditAction.incident.reviewed',
  'incident.report_exported': 'auditAction.incident.report_exported',
  'communication_stop.activated': 'auditAction.communication_stop.activated',
  'communication_stop.lifted': 'auditAction.communication_stop.lifted',
  'incident.paused_post_decided': 'auditAction.incident.paused_post_decided',
  'inbox.item_captured': 'auditAction.inbox.item_captured',
  'inbox.items_imported': 'auditAction.inbox.items_imported',
  'inbox.item_assigned': 'auditAction.inbox.item_assigned',
  'inbox.item_categorised': 'auditAction.inbox.item_categorised',
  'inbox.status_changed': 'auditAction.inbox.status_changed',
  'inbox.note_added': 'auditAction.inbox.note_added',
  'inbox.item_forwarded': 'auditAction.inbox.item_forwarded',
  'inbox.department_drafted': 'auditAction.inbox.department_drafted',
  'inbox.replied': 'auditAction.inbox.replied',
  'inbox.item_moderated': 'auditAction.inbox.item_moderated',
  'inbox.evidence_secured': 'auditAction.inbox.evidence_secured',
  'inbox.evidence_exported': 'auditAction.inbox.evidence_exported',
  'inbox.routing_rule_created': 'auditAction.inbox.routing_rule_created',
  'inbox.routing_rule_updated': 'auditAction.inbox.routing_rule_updated',
  'inbox.routing_rule_deleted': 'auditAction.inbox.routing_rule_deleted',
  'inbox.settings_updated': 'auditAction.inbox.settings_updated',
  'inbox.sensitive_categories_changed': 'auditAction.inbox.sensitive_categories_changed',
  'inbox.routing_rules_reordered': 'auditAction.inbox.routing_rules_reordered',
  'inbox.reply_submitted': 'auditAction.inbox.reply_submitted',
  'inbox.retention_run': 'auditAction.inbox.retention_run',
  'inbox.response_reminder_sent': 'auditAction.inbox.response_reminder_sent',
  'inbox.mastodon_polled': 'auditAction.inbox.mastodon_polled',
  'inbox.mastodon_token_rejected': 'auditAction.inbox.mastodon_token_rejected',
  'playbook.review_reminder_sent': 'auditAction.playbook.review_reminder_sent',
};

export function auditActionLabelKey(action: AuditAction): PlainMessageKey {
  return ACTION_LABELS[action];
}

/**
 * The `details` keys the API writes (backend `audit.record…` calls), in the order they are
 * shown: what the entry is about first, references last. The database returns JSON keys in
 * its own order, which would put "to" before "from".
 */
const DETAIL_LABELS: Readonly<Record<string, PlainMessageKey>> = {
  email: 'auditDetail.email',
  name: 'auditDetail.name',
  workingTitle: 'auditDetail.workingTitle',
  platform: 'auditDetail.platform',
  role: 'auditDetail.role',
  status: 'auditDetail.status',
  from: 'auditDetail.from',
  to: 'auditDetail.to',
  version: 'auditDetail.version',
  newAccount: 'auditDetail.newAccount',
  demo: 'auditDetail.demo',
  userId: 'auditDetail.userId',
  invitationId: 'auditDetail.invitationId',
  commentId: 'auditDetail.commentId',
};

type PlainValue = string | number | boolean;

/**
 * A one-line summary of the plain values in `details`, in words of the current language
 * ("Rolle: Fachbereich · E-Mail: …"). Nested values are left out: the log is for people
 * reading it, not a dump. A key this table does not know yet is shown as it is.
 */
export function auditDetailsSummary(details: AuditEventView['details'], i18n: I18n): string {
  const known = Object.keys(DETAIL_LABELS).filter((key) => Object.hasOwn(details, key));
  const unknown = Object.keys(details).filter((key) => !Object.hasOwn(DETAIL_LABELS, key));
  return [...known, ...unknown]
    .flatMap((key) => {
      const value = details[key];
      if (!isPlainValue(value)) return [];
      const label = Object.hasOwn(DETAIL_LABELS, key) ? i18n.t(DETAIL_LABELS[key]) : key;
      return [`${label}: ${detailValue(key, value, i18n)}`];
    })
    .join(' · ');
}

function isPlainValue(value: unknown): value is PlainValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Keys whose values are ids of roles, post statuses or platforms; people read their names. */
const ID_KEYS: ReadonlySet<string> = new Set(['role', 'status', 'from', 'to', 'platform']);

function detailValue(key: string, value: PlainValue, i18n: I18n): string {
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  // Only for these keys: a topic called "admin" or a post titled "draft" keeps its name.
  if (!ID_KEYS.has(key)) return String(value);
  if (isOrganizationRole(value)) return i18n.t(roleLabelKey(value));
  if (isPostStatus(value)) return i18n.t(postStatusLabelKey(value));
  if (isPlatformId(value)) return PLATFORM_LABELS[value];
  return String(value);
}

import type { NotificationKind } from '@amtsplan/contracts';
import type { PlainMessageKey } from '../shared/i18n/translate';

/** Typed against NOTIFICATION_KINDS: a new kind fails the build until it has a name and a hint. */
export const NOTIFICATION_KIND_LABELS: { readonly [K in NotificationKind]: { readonly label: PlainMessageKey; readonly hint: PlainMessageKey } } = {
  approval_requested: { label: 'notificationKind.approval_requested', hint: 'notificationKind.approval_requested.hint' },
  approval_reminder: { label: 'notificationKind.approval_reminder', hint: 'notificationKind.approval_reminder.hint' },
  approval_escalated: { label: 'notificationKind.approval_escalated', hint: 'notificationKind.approval_escalated.hint' },
  approval_decided: { label: 'notificationKind.approval_decided', hint: 'notificationKind.approval_decided.hint' },
  approval_voided: { label: 'notificationKind.approval_voided', hint: 'notificationKind.approval_voided.hint' },
  approval_missing: { label: 'notificationKind.approval_missing', hint: 'notificationKind.approval_missing.hint' },
  publish_failed: { label: 'notificationKind.publish_failed', hint: 'notificationKind.publish_failed.hint' },
  publish_unconfirmed: { label: 'notificationKind.publish_unconfirmed', hint: 'notificationKind.publish_unconfirmed.hint' },
  manual_publish_due: { label: 'notificationKind.manual_publish_due', hint: 'notificationKind.manual_publish_due.hint' },
  text_block_due: { label: 'notificationKind.text_block_due', hint: 'notificationKind.text_block_due.hint' },
  crisis_alert: { label: 'notificationKind.crisis_alert', hint: 'notificationKind.crisis_alert.hint' },
  playbook_review_due: { label: 'notificationKind.playbook_review_due', hint: 'notificationKind.playbook_review_due.hint' },
  crisis_suspected: { label: 'notificationKind.crisis_suspected', hint: 'notificationKind.crisis_suspected.hint' },
  inbox_response_due: { label: 'notificationKind.inbox_response_due', hint: 'notificationKind.inbox_response_due.hint' },
};

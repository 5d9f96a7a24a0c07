import type { ApprovalDecisionKind, ApprovalMode, ApprovalRequestStatus, ApprovalStepStatus } from '@amtsplan/domain';
import type { PlainMessageKey } from '../shared/i18n/translate';

/** Message keys for the domain's approval states; the German texts are those of libs/domain's labels. */
export const REQUEST_STATUS_KEYS: { readonly [S in ApprovalRequestStatus]: PlainMessageKey } = {
  pending: 'approvals.status.pending',
  approved: 'approvals.status.approved',
  changes_requested: 'approvals.status.changes_requested',
  rejected: 'approvals.status.rejected',
  voided: 'approvals.status.voided',
  withdrawn: 'approvals.status.withdrawn',
};

export const STEP_STATUS_KEYS: { readonly [S in ApprovalStepStatus]: PlainMessageKey } = {
  waiting: 'approvals.stepStatus.waiting',
  open: 'approvals.stepStatus.open',
  approved: 'approvals.stepStatus.approved',
  skipped: 'approvals.stepStatus.skipped',
  changes_requested: 'approvals.stepStatus.changes_requested',
  rejected: 'approvals.stepStatus.rejected',
};

export const DECIDED_KEYS: { readonly [K in ApprovalDecisionKind]: PlainMessageKey } = {
  approve: 'approvals.decided.approve',
  request_changes: 'approvals.decided.request_changes',
  reject: 'approvals.decided.reject',
};

export const MODE_KEYS: { readonly [M in ApprovalMode]: PlainMessageKey } = {
  any: 'approvals.mode.any',
  all: 'approvals.mode.all',
};

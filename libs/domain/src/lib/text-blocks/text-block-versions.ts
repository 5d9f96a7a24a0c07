import type { ApprovalRequestStatus } from '../approval-request';
import { addCalendarDays } from '../calendar-date';

/**
 * Where one version of a text block stands in the Freigabe: taken from its most recent
 * approval request (none: draft). A version's content never changes once it was submitted;
 * editing then creates the next version.
 */
export type TextBlockVersionStatus = 'draft' | 'in_approval' | 'approved' | 'changes_requested' | 'rejected';

export const TEXT_BLOCK_VERSION_STATUS_LABELS: { readonly [S in TextBlockVersionStatus]: string } = {
  draft: 'Entwurf',
  in_approval: 'In Freigabe',
  approved: 'Freigegeben',
  changes_requested: 'Änderungen erbeten',
  rejected: 'Abgelehnt',
};

/** The version status for the status of its latest request; voided or withdrawn requests leave a draft. */
export function versionStatusOf(request: ApprovalRequestStatus | null): TextBlockVersionStatus {
  switch (request) {
    case 'pending':
      return 'in_approval';
    case 'approved':
      return 'approved';
    case 'changes_requested':
      return 'changes_requested';
    case 'rejected':
      return 'rejected';
    default:
      return 'draft';
  }
}

export interface VersionSummary {
  readonly number: number;
  readonly status: TextBlockVersionStatus;
}

/**
 * The version that may be inserted into replies: the newest approved one. A newer version in
 * approval (or in draft, or sent back) does not replace it until it is approved itself, so the
 * house's approved answer stays usable meanwhile. No approved version: nothing to insert.
 */
export function insertableVersion<V extends VersionSummary>(versions: readonly V[]): V | null {
  return versions.filter((v) => v.status === 'approved').reduce<V | null>((best, v) => (best === null || v.number > best.number ? v : best), null);
}

/** The newest version, the one the editor works on. */
export function latestVersion<V extends VersionSummary>(versions: readonly V[]): V | null {
  return versions.reduce<V | null>((best, v) => (best === null || v.number > best.number ? v : best), null);
}

/**
 * Whether editing writes into the latest version or starts a new one: only a draft that was
 * never submitted (or whose request was withdrawn or voided) is changed in place; submitted
 * content is kept as it was decided.
 */
export function editCreatesNewVersion(latest: VersionSummary | null, latestEverSubmitted: boolean): boolean {
  if (latest === null) return true;
  return latest.status !== 'draft' || latestEverSubmitted;
}

/** Valid-from/valid-until (inclusive calendar dates) and the next review date of a block. */
export interface TextBlockValidity {
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly reviewOn: string | null;
}

/** Expired: the last valid day has passed. Expired blocks are hidden from the picker. */
export function isExpired(validity: Pick<TextBlockValidity, 'validUntil'>, today: string): boolean {
  return validity.validUntil !== null && validity.validUntil < today;
}

/** Not yet valid: valid-from lies in the future. */
export function isNotYetValid(validity: Pick<TextBlockValidity, 'validFrom'>, today: string): boolean {
  return validity.validFrom !== null && validity.validFrom > today;
}

/** Review date reached (or passed): the owner should look at the block again. */
export function isReviewDue(validity: Pick<TextBlockValidity, 'reviewOn'>, today: string): boolean {
  return validity.reviewOn !== null && validity.reviewOn <= today;
}

/** Whether the picker offers a block today: an approved version exists and it is within its validity. */
export function offeredInPicker(versions: readonly VersionSummary[], validity: TextBlockValidity, today: string): boolean {
  return insertableVersion(versions) !== null && !isExpired(validity, today) && !isNotYetValid(validity, today);
}

/** What the list shows about a block as a whole. */
export type TextBlockStatus = 'draft' | 'in_approval' | 'approved' | 'approved_new_in_approval' | 'approved_new_draft' | 'changes_requested' | 'rejected' | 'expired';

export const TEXT_BLOCK_STATUS_LABELS: { readonly [S in TextBlockStatus]: string } = {
  draft: 'Entwurf',
  in_approval: 'In Freigabe',
  approved: 'Freigegeben',
  approved_new_in_approval: 'Freigegebene Version in Verwendung, neue Version in Freigabe',
  approved_new_draft: 'Freigegebene Version in Verwendung, neue Version in Bearbeitung',
  changes_requested: 'Änderungen erbeten',
  rejected: 'Abgelehnt',
  expired: 'Abgelaufen',
};

export function textBlockStatus(versions: readonly VersionSummary[], validity: Pick<TextBlockValidity, 'validUntil'>, today: string): TextBlockStatus {
  if (isExpired(validity, today)) return 'expired';
  const latest = latestVersion(versions);
  const usable = insertableVersion(versions);
  if (latest === null) return 'draft';
  if (usable === null || usable.number === latest.number) return latest.status;
  return latest.status === 'in_approval' ? 'approved_new_in_approval' : 'approved_new_draft';
}

export type TextBlockReminderKind = 'review_due' | 'validity_ends';

/** A dated reminder to the block's owner. */
export interface TextBlockReminder {
  readonly kind: TextBlockReminderKind;
  /** The calendar day (organization's zone) it fires on. */
  readonly on: string;
}

/**
 * The owner's reminders: on the review date, and on the last valid day (so the block can be
 * extended or replaced before it disappears from the picker the day after).
 */
export function textBlockReminders(validity: TextBlockValidity): TextBlockReminder[] {
  const reminders: TextBlockReminder[] = [];
  if (validity.reviewOn) reminders.push({ kind: 'review_due', on: validity.reviewOn });
  if (validity.validUntil) reminders.push({ kind: 'validity_ends', on: validity.validUntil });
  return reminders;
}

/** The day a block expired on (first day not valid), for messages. */
export function firstInvalidDay(validUntil: string): string {
  return addCalendarDays(validUntil, 1);
}

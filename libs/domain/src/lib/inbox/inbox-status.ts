import { defineStateMachine } from '../state-machine';

/** The status of an inbox item (Posteingang). Ids match `InboxStatus` in libs/contracts. */
export const INBOX_STATUSES = ['new', 'assigned', 'with_department', 'answered', 'closed_without_reply', 'hidden', 'escalated'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export const INBOX_STATUS_LABELS: { readonly [S in InboxStatus]: string } = {
  new: 'Neu',
  assigned: 'Zugewiesen',
  with_department: 'In Klärung beim Fachbereich',
  answered: 'Beantwortet',
  closed_without_reply: 'Erledigt ohne Antwort',
  hidden: 'Verborgen',
  escalated: 'Eskaliert',
};

/**
 * - Every open status can be closed (answered, closed without reply, hidden) or escalated.
 * - `with_department` goes back to `assigned` when the department's draft arrives: comms
 *   looks it over ("drüberschauen") and sends it, so the department never answers directly.
 * - Closed items reopen to `assigned` (a follow-up question under an answered comment),
 *   never to `new`, so a reopened item always has someone responsible.
 * - `assigned → new` is "give back": the assignee is removed and the item is open to all.
 */
export const inboxStatusMachine = defineStateMachine<InboxStatus>('inbox-item', {
  new: ['assigned', 'with_department', 'answered', 'closed_without_reply', 'hidden', 'escalated'],
  assigned: ['new', 'with_department', 'answered', 'closed_without_reply', 'hidden', 'escalated'],
  with_department: ['assigned', 'answered', 'closed_without_reply', 'escalated'],
  escalated: ['assigned', 'with_department', 'answered', 'closed_without_reply', 'hidden'],
  answered: ['assigned'],
  closed_without_reply: ['assigned'],
  hidden: ['assigned'],
});

/** Items still waiting for someone; the SLA clock and the "open by age" figures count these. */
export const OPEN_INBOX_STATUSES: readonly InboxStatus[] = ['new', 'assigned', 'with_department', 'escalated'];

export function isOpenInboxStatus(status: InboxStatus): boolean {
  return OPEN_INBOX_STATUSES.includes(status);
}

export function isInboxStatus(value: unknown): value is InboxStatus {
  return typeof value === 'string' && (INBOX_STATUSES as readonly string[]).includes(value);
}

export const INBOX_CATEGORIES = ['question', 'complaint', 'praise', 'suggestion', 'hate', 'spam', 'other'] as const;
export type InboxCategory = (typeof INBOX_CATEGORIES)[number];

export const INBOX_CATEGORY_LABELS: { readonly [C in InboxCategory]: string } = {
  question: 'Frage',
  complaint: 'Beschwerde',
  praise: 'Lob',
  suggestion: 'Anregung',
  hate: 'Hass/Beleidigung',
  spam: 'Spam',
  other: 'Sonstiges',
};

export const INBOX_KINDS = ['comment', 'message', 'mention'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const INBOX_PRIORITIES = ['low', 'normal', 'high'] as const;
export type InboxPriority = (typeof INBOX_PRIORITIES)[number];

import type { InboxCategory, InboxKind, InboxStatus } from '@amtsplan/contracts';
import type { PlainMessageKey } from '../shared/i18n/translate';

export const CATEGORY_ORDER: readonly InboxCategory[] = ['question', 'complaint', 'praise', 'suggestion', 'hate', 'spam', 'other'];

export const CATEGORY_LABEL: { readonly [C in InboxCategory]: PlainMessageKey } = {
  question: 'community.category.question',
  complaint: 'community.category.complaint',
  praise: 'community.category.praise',
  suggestion: 'community.category.suggestion',
  hate: 'community.category.hate',
  spam: 'community.category.spam',
  other: 'community.category.other',
};

export const STATUS_LABEL: { readonly [S in InboxStatus]: PlainMessageKey } = {
  new: 'community.status.new',
  assigned: 'community.status.assigned',
  with_department: 'community.status.with_department',
  answered: 'community.status.answered',
  closed_without_reply: 'community.status.closed_without_reply',
  hidden: 'community.status.hidden',
  escalated: 'community.status.escalated',
};

export const KIND_LABEL: { readonly [K in InboxKind]: PlainMessageKey } = {
  comment: 'community.kind.comment',
  message: 'community.kind.message',
  mention: 'community.kind.mention',
};

export const CLOCK_LABEL: { readonly [S in 'running' | 'due_soon' | 'breached' | 'met' | 'missed']: PlainMessageKey } = {
  running: 'community.clock.running',
  due_soon: 'community.clock.due_soon',
  breached: 'community.clock.breached',
  met: 'community.clock.met',
  missed: 'community.clock.missed',
};

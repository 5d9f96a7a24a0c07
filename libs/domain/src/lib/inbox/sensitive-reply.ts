import { canonicalJson } from '../approval-content';
import type { InboxCategory } from './inbox-status';

/**
 * Replies on items of a category the organization marked sensitive go through its Freigabe
 * before they are sent (decision 0020). The approval is bound to what leadership reads: the
 * reply text and the comment it answers. Editing the reply gives another hash, so an edit
 * voids the request (the reply is submitted again).
 */
export interface InboxReplyContent {
  readonly format: 1;
  readonly kind: 'inbox_reply';
  readonly itemId: string;
  readonly comment: {
    readonly authorHandle: string;
    readonly authorDisplayName: string | null;
    readonly text: string;
    readonly channelName: string | null;
    readonly category: InboxCategory;
  };
  readonly reply: { readonly body: string; readonly textBlockVersionId: string | null };
}

export type InboxReplyContentInput = Omit<InboxReplyContent, 'format' | 'kind'>;

export function canonicalInboxReplyContent(input: InboxReplyContentInput): string {
  const content: InboxReplyContent = {
    format: 1,
    kind: 'inbox_reply',
    itemId: input.itemId,
    comment: { ...input.comment },
    reply: { body: input.reply.body.trim(), textBlockVersionId: input.reply.textBlockVersionId },
  };
  return canonicalJson(content);
}

export function parseInboxReplyContent(json: string): InboxReplyContent {
  const value = JSON.parse(json) as InboxReplyContent;
  if (value?.format !== 1 || value.kind !== 'inbox_reply') throw new Error('Kein gespeicherter Inhalt einer Antwort im Posteingang');
  return value;
}

/** Whether a reply on an item of this category needs the Freigabe first. */
export function replyNeedsApproval(category: InboxCategory | null, sensitiveCategories: readonly string[]): boolean {
  return category !== null && sensitiveCategories.includes(category);
}

/** The tags a reply brings to the route choice: routes can ask for "Posteingang" or the category's name. */
export const INBOX_REPLY_ROUTE_TAG = 'Posteingang';

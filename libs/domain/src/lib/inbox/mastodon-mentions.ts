/**
 * Mastodon notifications (GET /api/v1/notifications?types[]=mention) as inbox arrivals. A reply
 * to one of our statuses arrives as a mention too; what it is depends on the status:
 * - visibility `direct`: a direct message (`message`);
 * - `in_reply_to_id` is one of our published statuses: a comment on that post (`comment`);
 * - anything else: a mention (`mention`).
 * Pure: the poll job fetches, this decides, the inbox's arrival path stores.
 */

/** The fields of a Mastodon notification the poll reads (the API sends many more). */
export interface MastodonNotification {
  readonly id: string;
  readonly type: string;
  readonly created_at: string;
  readonly account: { readonly acct: string; readonly display_name?: string | null; readonly url?: string | null };
  readonly status?: {
    readonly id: string;
    readonly created_at?: string;
    readonly in_reply_to_id?: string | null;
    readonly visibility?: string;
    readonly content: string;
    readonly spoiler_text?: string;
    readonly url?: string | null;
    readonly uri?: string;
  } | null;
}

export interface MastodonArrival {
  readonly kind: 'comment' | 'mention' | 'message';
  /** The status id: the dedupe key per channel, and where a reply goes (in_reply_to_id). */
  readonly externalId: string;
  readonly inReplyToId: string | null;
  readonly authorHandle: string;
  readonly authorDisplayName: string | null;
  readonly authorProfileUrl: string | null;
  readonly text: string;
  readonly permalink: string | null;
  readonly receivedAt: string;
}

/** What the inbox keeps of a text at most (CaptureInboxItemRequest). */
const MAX_TEXT = 10_000;

/**
 * The arrival for a notification, or null when it is not a mention with a status (other types,
 * a deleted status). `ourStatusIds` are the external ids of the channel's publications that
 * the reply's in_reply_to_id may point to; `instanceHost` completes local handles (`@name` →
 * `@name@host`).
 */
export function mastodonArrival(notification: MastodonNotification, ourStatusIds: ReadonlySet<string>, instanceHost: string): MastodonArrival | null {
  const status = notification.status;
  if (notification.type !== 'mention' || !status) return null;
  const inReplyToId = status.in_reply_to_id ?? null;
  const kind = status.visibility === 'direct' ? 'message' : inReplyToId !== null && ourStatusIds.has(inReplyToId) ? 'comment' : 'mention';
  const acct = notification.account.acct;
  const spoiler = status.spoiler_text ? `${plainTextOfHtml(status.spoiler_text)}\n\n` : '';
  const text = (spoiler + plainTextOfHtml(status.content)).slice(0, MAX_TEXT).trim();
  return {
    kind,
    externalId: status.id,
    inReplyToId,
    authorHandle: `@${acct.includes('@') ? acct : `${acct}@${instanceHost}`}`,
    authorDisplayName: notification.account.display_name?.trim() || null,
    authorProfileUrl: httpUrl(notification.account.url),
    text: text === '' ? '(ohne Text)' : text,
    permalink: httpUrl(status.url) ?? httpUrl(status.uri),
    receivedAt: status.created_at ?? notification.created_at,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Mastodon's status HTML (p, br, a, span) as plain text: paragraphs and line breaks become
 * new lines, every tag is dropped, entities are decoded once. The result is stored and shown
 * as text, never as HTML, so nothing in it can run.
 */
export function plainTextOfHtml(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Mastodon ids are decimal strings of growing numbers: longer is newer, then by digits. */
export function compareMastodonIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

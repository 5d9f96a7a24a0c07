import type { NotificationKind, PostPublicationsView, PublicationStatus, PublicationView } from '@amtsplan/contracts';
import type { PlainMessageKey } from '../../shared/i18n/translate';

/** How a publication's status reads in the panel, and how urgent it looks. */
export interface PublicationStatusDisplay {
  readonly label: PlainMessageKey;
  readonly tone: 'neutral' | 'progress' | 'success' | 'warning' | 'error';
  readonly icon: string;
}

const DISPLAY: { readonly [S in PublicationStatus]: PublicationStatusDisplay } = {
  pending: { label: 'publishing.status.pending', tone: 'neutral', icon: 'schedule' },
  publishing: { label: 'publishing.status.publishing', tone: 'progress', icon: 'send' },
  published: { label: 'publishing.status.published', tone: 'success', icon: 'check_circle' },
  failed: { label: 'publishing.status.failed', tone: 'error', icon: 'error' },
  unconfirmed: { label: 'publishing.status.unconfirmed', tone: 'warning', icon: 'help' },
  missed: { label: 'publishing.status.missed', tone: 'warning', icon: 'event_busy' },
  manual_due: { label: 'publishing.status.manual_due', tone: 'warning', icon: 'pan_tool' },
};

export function publicationStatusDisplay(status: PublicationStatus): PublicationStatusDisplay {
  return DISPLAY[status];
}

/** What a person can do about one publication; the API checks the same (PERSON_PUBLICATION_MOVES). */
export interface PublicationActions {
  /** The "Jetzt veröffentlichen" task: copy the approved text and alt texts, post by hand. */
  readonly manualTask: boolean;
  /** Confirm with the post's address that it is online. */
  readonly confirm: boolean;
  /** Record that it did not go out, with a reason. */
  readonly markFailed: boolean;
  readonly retry: boolean;
  readonly publishLate: boolean;
}

const NONE: PublicationActions = { manualTask: false, confirm: false, markFailed: false, retry: false, publishLate: false };

export function publicationActions(publication: Pick<PublicationView, 'status'>, mayPlan: boolean): PublicationActions {
  if (!mayPlan) return NONE;
  switch (publication.status) {
    case 'manual_due':
      return { ...NONE, manualTask: true, confirm: true };
    case 'unconfirmed':
      return { ...NONE, confirm: true, markFailed: true };
    case 'failed':
      return { ...NONE, retry: true };
    case 'missed':
      return { ...NONE, publishLate: true };
    default:
      return NONE;
  }
}

/** The notifications the publisher writes about a post; one of them means the panel is out of date. */
const PUBLISHING_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['publish_failed', 'publish_unconfirmed', 'manual_publish_due']);

export function isPublishingNewsFor(notification: { kind: NotificationKind; link: string | null }, postId: string): boolean {
  return PUBLISHING_KINDS.has(notification.kind) && (notification.link?.includes(postId) ?? false);
}

/**
 * The publisher still has work on the post: it waits for its time (`scheduled`), or a channel
 * is pending (a retry after its backoff) or being published. Only then do the organization's
 * plan changes make the open panel read again: the publisher's success writes no notification.
 */
export function awaitsPublisher(view: Pick<PostPublicationsView, 'postStatus' | 'publications'>): boolean {
  return view.postStatus === 'scheduled' || view.publications.some((p) => p.status === 'pending' || p.status === 'publishing');
}

/** An absolute http(s) address, as the API requires for a confirmation (ConfirmPublicationRequest). */
export function isPublishedPostUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

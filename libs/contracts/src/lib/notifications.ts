import { z } from 'zod';
import { uuid } from './common';

// ---- Kinds ----

/**
 * What a notification is about. Each kind has its own e-mail switch per person; the in-app
 * notification (the bell) is always written.
 */
export const NOTIFICATION_KINDS = [
  /** A decision on a Freigabe waits for the recipient. */
  'approval_requested',
  /** Reminder before a Freigabe step is due. */
  'approval_reminder',
  /** A Freigabe step is overdue and now waits for the deputy or the administration too. */
  'approval_escalated',
  /** The recipient's post was approved, needs changes or was rejected. */
  'approval_decided',
  /** A Freigabe became void (the content changed) or was withdrawn. */
  'approval_voided',
  /** The planned time came without a complete Freigabe: the post was not published ("Freigabe fehlt"). */
  'approval_missing',
  /** Publishing failed. */
  'publish_failed',
  /** Whether a post went out is unknown ("unbestätigt"); a person has to check. */
  'publish_unconfirmed',
  /** A post on a channel without API connection is due: "Jetzt veröffentlichen". */
  'manual_publish_due',
  /** A text block the recipient owns reaches its review date or the end of its validity. */
  'text_block_due',
  /** Krisenmodus: a crisis was declared or its level changed, and the recipient is a contact of the level. */
  'crisis_alert',
  /** A crisis playbook the recipient owns is due for its review. */
  'playbook_review_due',
  /** The detection job saw a possible shitstorm („Möglicher Shitstorm“, suggested level); nothing was activated. */
  'crisis_suspected',
  /** Posteingang: the first answer to an item is due soon, or overdue (response clock in office hours). */
  'inbox_response_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKind = z.enum(NOTIFICATION_KINDS, { message: 'Unbekannte Art von Benachrichtigung' });

/**
 * Whether a kind is also sent by e-mail while the person has not chosen. On for everything that
 * asks the recipient to act or reports a failure; off only for the purely informative "Freigabe
 * ungültig" (the bell shows it, and a new request follows with its own notification).
 */
export const EMAIL_BY_DEFAULT: { readonly [K in NotificationKind]: boolean } = {
  approval_requested: true,
  approval_reminder: true,
  approval_escalated: true,
  approval_decided: true,
  approval_voided: false,
  approval_missing: true,
  publish_failed: true,
  publish_unconfirmed: true,
  manual_publish_due: true,
  text_block_due: true,
  crisis_alert: true,
  playbook_review_due: true,
  crisis_suspected: true,
  inbox_response_due: true,
};

// ---- Notifications ----

/**
 * A path inside the app (`/o/<orgId>/freigaben/…`), never an address elsewhere: the UI navigates
 * to it, e-mails put it behind APP_ORIGIN.
 */
export const NotificationLink = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, 'Ein Pfad innerhalb der Anwendung, beginnend mit /');

export const NotificationView = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** Largest page of `GET /api/notifications`. */
export const NOTIFICATION_PAGE_MAX = 100;

export const NotificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_MAX).default(20),
  /** `nextCursor` of the previous page: only notifications older than that one. */
  before: uuid.optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

/** Newest first, across every organization the person belongs to. */
export const NotificationPage = z.object({
  items: z.array(NotificationView),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ unreadCount: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCount>;

// ---- Live updates (server-sent events on GET /api/notifications/stream) ----

/** Event names of the stream. Besides these the server sends comment lines (`: …`) as heartbeat. */
export const NOTIFICATION_STREAM_EVENTS = {
  /** Data: UnreadCount. Sent on connect and whenever the count changes. */
  unread: 'unread',
  /** Data: NotificationView. A notification that arrived while the stream was open. */
  notification: 'notification',
  /**
   * Data: CrisisChanged. An incident, its timeline or checklist, a „Möglicher Shitstorm“ alert or
   * the Kommunikationsstopp of one of the person's organizations changed: read it again.
   */
  crisis: 'crisis',
  /**
   * Data: PlanChanged. Posts of one of the person's organizations changed (by a colleague, the
   * publisher or an import); changes within one second are sent as one event.
   */
  plan: 'plan',
} as const;

export const CrisisChanged = z.object({ organizationId: z.string() });
export type CrisisChanged = z.infer<typeof CrisisChanged>;

export const PlanChanged = z.object({ organizationId: z.string() });
export type PlanChanged = z.infer<typeof PlanChanged>;

// ---- E-mail preferences ----

export const NotificationPreferenceView = z.object({
  kind: NotificationKind,
  email: z.boolean(),
  /** What `email` is while the person has not chosen (EMAIL_BY_DEFAULT). */
  emailByDefault: z.boolean(),
});
export type NotificationPreferenceView = z.infer<typeof NotificationPreferenceView>;

/** One entry per kind, in the order of NOTIFICATION_KINDS. */
export const NotificationPreferences = z.object({ kinds: z.array(NotificationPreferenceView) });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** The switches to set; kinds left out keep their setting. */
export const UpdateNotificationPreferences = z.strictObject({
  email: z
    .partialRecord(NotificationKind, z.boolean({ message: 'An oder aus (true/false)' }))
    .refine((email) => Object.keys(email).length > 0, 'Bitte mindestens eine Einstellung angeben'),
});
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;

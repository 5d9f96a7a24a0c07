import { z } from 'zod';
import { uuid, version } from './common';

/** Posteingang (Community-Management): contracts of /api/orgs/:orgId/inbox… */
export const InboxStatus = z.enum(['new', 'assigned', 'with_department', 'answered', 'closed_without_reply', 'hidden', 'escalated']);
export type InboxStatus = z.infer<typeof InboxStatus>;
export const InboxCategory = z.enum(['question', 'complaint', 'praise', 'suggestion', 'hate', 'spam', 'other']);
export type InboxCategory = z.infer<typeof InboxCategory>;
export const InboxKind = z.enum(['comment', 'message', 'mention']);
export type InboxKind = z.infer<typeof InboxKind>;
export const InboxPriority = z.enum(['low', 'normal', 'high']);
export type InboxPriority = z.infer<typeof InboxPriority>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const optionalUrl = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((value) => value || null)
  .refine((value) => value === null || /^https?:\/\/\S+$/.test(value), 'Bitte einen Link mit http:// oder https:// angeben');

export const CaptureInboxItemRequest = z.strictObject({
  kind: InboxKind.default('comment'),
  channelId: uuid.nullish().transform((value) => value ?? null),
  authorHandle: z.string().trim().min(1, 'Bitte den Namen oder das Kürzel der Person angeben').max(200),
  authorDisplayName: optionalText(200),
  authorProfileUrl: optionalUrl,
  text: z.string().trim().min(1, 'Bitte den Text des Kommentars einfügen').max(10_000),
  permalink: optionalUrl,
  /** Defaults to now. */
  receivedAt: z.iso.datetime({ offset: true }).nullish(),
  postId: uuid.nullish().transform((value) => value ?? null),
});
export type CaptureInboxItemRequest = z.input<typeof CaptureInboxItemRequest>;

export const InboxListQuery = z.object({
  status: z.union([InboxStatus, z.literal('open')]).optional(),
  category: z.union([InboxCategory, z.literal('none')]).optional(),
  channelId: uuid.optional(),
  /** A user id, `me` or `none`. */
  assignee: z.union([uuid, z.literal('me'), z.literal('none')]).optional(),
  /** Only items received at least this many hours ago. */
  olderThanHours: z.coerce.number().int().min(1).max(24 * 365).optional(),
  q: z.string().trim().max(200).optional(),
  /** Opaque cursor from the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type InboxListQuery = z.input<typeof InboxListQuery>;

export const ResponseClockView = z.object({
  dueAt: z.string(),
  reminderAt: z.string(),
  state: z.enum(['running', 'due_soon', 'breached', 'met', 'missed']),
  remainingOfficeMinutes: z.number(),
});
export type ResponseClockView = z.infer<typeof ResponseClockView>;

export const InboxPersonRef = z.object({ id: z.string(), displayName: z.string() });

export const InboxItemSummary = z.object({
  id: z.string(),
  kind: InboxKind,
  channel: z.object({ id: z.string(), name: z.string(), platform: z.string() }).nullable(),
  authorHandle: z.string(),
  authorDisplayName: z.string().nullable(),
  text: z.string(),
  receivedAt: z.string(),
  category: InboxCategory.nullable(),
  priority: InboxPriority,
  status: InboxStatus,
  assignee: InboxPersonRef.nullable(),
  department: z.string().nullable(),
  responseDueAt: z.string(),
  firstResponseAt: z.string().nullable(),
  version: z.number(),
});
export type InboxItemSummary = z.infer<typeof InboxItemSummary>;

export const InboxListView = z.object({ items: z.array(InboxItemSummary), nextCursor: z.string().nullable() });
export type InboxListView = z.infer<typeof InboxListView>;

export const InboxHistoryEntryView = z.object({
  id: z.string(),
  action: z.string(),
  actor: InboxPersonRef.nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type InboxHistoryEntryView = z.infer<typeof InboxHistoryEntryView>;

export const InboxNoteView = z.object({ id: z.string(), author: InboxPersonRef, body: z.string(), createdAt: z.string() });
export type InboxNoteView = z.infer<typeof InboxNoteView>;

export const InboxReplyView = z.object({
  id: z.string(),
  body: z.string(),
  /** `draft`: a department's; `in_approval` … `withdrawn`: a reply on a sensitive category (decision 0020). */
  state: z.enum(['draft', 'sent', 'in_approval', 'approved', 'changes_requested', 'rejected', 'withdrawn']),
  delivery: z.enum(['mastodon', 'copied']).nullable(),
  /** The Freigabe of a reply on a sensitive category: its request and the deciders' comments. */
  approval: z.object({ requestId: z.string(), status: z.string(), comments: z.array(z.object({ person: z.string(), kind: z.string(), comment: z.string() })) }).nullable(),
  textBlockVersionId: z.string().nullable(),
  author: InboxPersonRef,
  externalId: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InboxReplyView = z.infer<typeof InboxReplyView>;

export const InboxEvidenceView = z.object({
  id: z.string(),
  text: z.string(),
  authorHandle: z.string(),
  authorDisplayName: z.string().nullable(),
  authorProfileUrl: z.string().nullable(),
  permalink: z.string().nullable(),
  occurredAt: z.string(),
  timeZone: z.string(),
  context: z.string(),
  knowledgeDate: z.string(),
  strafantragDeadline: z.string(),
  hasScreenshot: z.boolean(),
  contentSha256: z.string(),
  legalHold: z.boolean(),
  securedBy: InboxPersonRef,
  securedAt: z.string(),
});
export type InboxEvidenceView = z.infer<typeof InboxEvidenceView>;

export const InboxItemDetail = InboxItemSummary.extend({
  authorProfileUrl: z.string().nullable(),
  permalink: z.string().nullable(),
  postId: z.string().nullable(),
  source: z.string(),
  departmentUser: InboxPersonRef.nullable(),
  moderation: z.object({ action: z.string(), netiquetteRule: z.string(), decidedBy: InboxPersonRef.nullable() }).nullable(),
  personalDataRemoved: z.boolean(),
  clock: ResponseClockView,
  canReplyViaMastodon: z.boolean(),
  /** The item's category is marked sensitive: a reply goes through the Freigabe first. */
  replyNeedsApproval: z.boolean(),
  history: z.array(InboxHistoryEntryView),
  notes: z.array(InboxNoteView),
  replies: z.array(InboxReplyView),
  evidence: z.array(InboxEvidenceView),
});
export type InboxItemDetail = z.infer<typeof InboxItemDetail>;

export const AssignInboxItemRequest = z.strictObject({ version, assigneeUserId: uuid.nullable() });
export type AssignInboxItemRequest = z.infer<typeof AssignInboxItemRequest>;

export const CategoriseInboxItemRequest = z.strictObject({ version, category: InboxCategory, priority: InboxPriority.optional() });
export type CategoriseInboxItemRequest = z.infer<typeof CategoriseInboxItemRequest>;

export const ChangeInboxStatusRequest = z.strictObject({ version, status: InboxStatus });
export type ChangeInboxStatusRequest = z.infer<typeof ChangeInboxStatusRequest>;

export const AddInboxNoteRequest = z.strictObject({ body: z.string().trim().min(1, 'Bitte eine Notiz eingeben').max(5000) });
export type AddInboxNoteRequest = z.infer<typeof AddInboxNoteRequest>;

export const ForwardInboxItemRequest = z.strictObject({
  version,
  department: z.string().trim().min(1, 'Bitte einen Fachbereich angeben').max(200),
  departmentUserId: uuid,
  note: optionalText(2000),
});
export type ForwardInboxItemRequest = z.input<typeof ForwardInboxItemRequest>;

export const DepartmentDraftRequest = z.strictObject({ version, body: z.string().trim().min(1, 'Bitte eine Antwort entwerfen').max(5000) });
export type DepartmentDraftRequest = z.infer<typeof DepartmentDraftRequest>;

export const ReplyInboxItemRequest = z.strictObject({
  version,
  body: z.string().trim().min(1, 'Bitte eine Antwort schreiben').max(5000),
  /** `mastodon` sends through the channel's account; `copied` records a reply posted by hand. */
  delivery: z.enum(['mastodon', 'copied']),
  /** The approved text block version the reply started from (set by the picker). */
  textBlockVersionId: uuid.nullish().transform((value) => value ?? null),
});
export type ReplyInboxItemRequest = z.input<typeof ReplyInboxItemRequest>;

/** Sends a reply whose Freigabe was granted, exactly as approved. */
export const SendApprovedReplyRequest = z.strictObject({ version, delivery: z.enum(['mastodon', 'copied']) });
export type SendApprovedReplyRequest = z.infer<typeof SendApprovedReplyRequest>;

export const ModerateInboxItemRequest = z.strictObject({
  version,
  action: z.enum(['hide', 'block']),
  netiquetteRule: z.string().trim().min(1, 'Bitte die angewandte Netiquette-Regel nennen').max(500),
});
export type ModerateInboxItemRequest = z.infer<typeof ModerateInboxItemRequest>;

export const SecureEvidenceRequest = z.strictObject({
  context: z.string().trim().max(5000).default(''),
  /** The day the organization learned of the act; defaults to today. */
  knowledgeDate: z.iso.date().nullish(),
  /** Optional screenshot, base64 (JPEG, PNG, WebP), checked like image uploads. */
  screenshotBase64: z.string().max(8_000_000).nullish(),
});
export type SecureEvidenceRequest = z.input<typeof SecureEvidenceRequest>;

export const ImportInboxCsvRequest = z.strictObject({ csv: z.string().min(1, 'Die Datei ist leer').max(5_000_000) });
export type ImportInboxCsvRequest = z.infer<typeof ImportInboxCsvRequest>;

export const InboxImportResult = z.object({
  created: z.number(),
  duplicates: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
});
export type InboxImportResult = z.infer<typeof InboxImportResult>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Bitte eine Uhrzeit im Format HH:MM angeben');

export const InboxSettingsView = z.object({
  officeWeekdays: z.array(z.number()),
  officeStart: z.string(),
  officeEnd: z.string(),
  responseTargetHours: z.number(),
  retentionDays: z.number(),
  departments: z.array(z.string()),
  /** Replies on items of these categories go through the Freigabe first. */
  sensitiveCategories: z.array(InboxCategory),
  version: z.number(),
});
export type InboxSettingsView = z.infer<typeof InboxSettingsView>;

export const UpdateInboxSettingsRequest = z
  .strictObject({
    version,
    officeWeekdays: z.array(z.number().int().min(0).max(6)).min(1, 'Mindestens ein Arbeitstag').max(7),
    officeStart: time,
    officeEnd: time,
    responseTargetHours: z.number().int().min(1).max(24 * 30),
    retentionDays: z.number().int().min(7).max(3650),
    departments: z.array(z.string().trim().min(1).max(200)).max(100),
    /** Left out: unchanged. */
    sensitiveCategories: z.array(InboxCategory).max(7).optional(),
  })
  .refine((value) => value.officeStart < value.officeEnd, { path: ['officeEnd'], message: 'Das Dienstende muss nach dem Dienstbeginn liegen' });
export type UpdateInboxSettingsRequest = z.infer<typeof UpdateInboxSettingsRequest>;

export const RoutingRuleInput = z
  .strictObject({
    matchKind: z.enum(['keyword', 'channel']),
    keyword: optionalText(200),
    channelId: uuid.nullish().transform((value) => value ?? null),
    category: InboxCategory.nullish().transform((value) => value ?? null),
    assigneeUserId: uuid.nullish().transform((value) => value ?? null),
    department: optionalText(200),
    priority: InboxPriority.nullish().transform((value) => value ?? null),
    active: z.boolean().default(true),
  })
  .refine((rule) => rule.matchKind !== 'keyword' || rule.keyword !== null, { path: ['keyword'], message: 'Bitte ein Stichwort angeben' })
  .refine((rule) => rule.matchKind !== 'channel' || rule.channelId !== null, { path: ['channelId'], message: 'Bitte einen Kanal wählen' })
  .refine((rule) => rule.category || rule.assigneeUserId || rule.department || rule.priority, {
    path: ['category'],
    message: 'Die Regel muss mindestens ein Ziel setzen',
  });
export type RoutingRuleInput = z.input<typeof RoutingRuleInput>;

export const RoutingRuleView = z.object({
  id: z.string(),
  position: z.number(),
  active: z.boolean(),
  matchKind: z.enum(['keyword', 'channel']),
  keyword: z.string().nullable(),
  channelId: z.string().nullable(),
  category: InboxCategory.nullable(),
  assigneeUserId: z.string().nullable(),
  department: z.string().nullable(),
  priority: InboxPriority.nullable(),
  version: z.number(),
});
export type RoutingRuleView = z.infer<typeof RoutingRuleView>;

/** The rules in their new order: every rule of the organization once. */
export const ReorderRoutingRulesRequest = z.strictObject({ ruleIds: z.array(uuid).min(1).max(500) });
export type ReorderRoutingRulesRequest = z.infer<typeof ReorderRoutingRulesRequest>;

export const InboxDashboardView = z.object({
  weeks: z.array(z.object({ weekStart: z.string(), counts: z.record(z.string(), z.number()) })),
  firstResponseMinutes: z.object({ median: z.number().nullable(), p90: z.number().nullable(), answered: z.number() }),
  openByAge: z.array(z.object({ bucket: z.enum(['under_1d', '1_to_3d', '3_to_7d', 'over_7d']), count: z.number() })),
});
export type InboxDashboardView = z.infer<typeof InboxDashboardView>;

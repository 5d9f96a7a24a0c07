import { z } from 'zod';
import {
  APPROVAL_DECISION_KINDS,
  APPROVAL_MODES,
  APPROVAL_REQUEST_STATUSES,
  APPROVAL_STEP_STATUSES,
  ORGANIZATION_ROLES,
} from '@amtsplan/domain';
import { uuid, version } from './common';
import { PostStatus } from './posts';

/**
 * Freigabe: approval routes, the organization's approval settings, submitting a post,
 * deciding a step and the personal "Freigaben" inbox. The shapes mirror libs/domain
 * (approval-routes, approval-request); the rules behind them (validateApprovalRoute,
 * openApprovalRequest, decide) run on the server and give German field problems.
 */

const role = z.enum(ORGANIZATION_ROLES, { message: 'Unbekannte Rolle' });

export const ApproverSelection = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('role'), role }), z.strictObject({ kind: z.literal('users'), userIds: z.array(uuid).max(50) })],
  { message: 'Bitte eine Rolle oder Personen angeben, die freigeben' },
);
export type ApproverSelection = z.infer<typeof ApproverSelection>;

export const ApprovalDueRule = z.strictObject({
  kind: z.enum(['after_submission', 'before_planned'], { message: 'Bitte wählen: Frist nach Einreichung oder vor dem geplanten Zeitpunkt' }),
  hours: z.number({ message: 'Bitte die Frist in Stunden angeben' }).int('Bitte eine ganze Zahl von Stunden angeben'),
});
export type ApprovalDueRule = z.infer<typeof ApprovalDueRule>;

export const ApprovalStepInput = z.strictObject({
  name: z.string().trim().max(200),
  approvers: ApproverSelection,
  mode: z.enum(APPROVAL_MODES, { message: 'Bitte „eine Person genügt“ oder „alle“ wählen' }),
  deputyUserId: uuid.nullable().default(null),
  due: ApprovalDueRule,
  skipWhenSubmittedBy: z.array(role).max(ORGANIZATION_ROLES.length).default([]),
});
export type ApprovalStepInput = z.input<typeof ApprovalStepInput>;

export const ApprovalRouteConditions = z.strictObject({
  channelIds: z.array(uuid).max(20).optional(),
  sensitiveTopic: z.boolean().optional(),
  tags: z.array(z.string().max(200)).max(30).optional(),
  electionBlackout: z.boolean().optional(),
});
export type ApprovalRouteConditions = z.infer<typeof ApprovalRouteConditions>;

const routeFields = {
  name: z.string().trim().max(200),
  /** Lower numbers win among matching routes (chooseRoute). */
  priority: z.number({ message: 'Bitte eine Reihenfolge angeben' }).int('Die Reihenfolge muss eine ganze Zahl sein'),
  conditions: ApprovalRouteConditions,
  steps: z.array(ApprovalStepInput).max(50),
};

/** A new, conditional route; the default route is seeded with the organization and cannot be created twice. */
export const CreateApprovalRouteRequest = z.strictObject({
  name: routeFields.name,
  priority: routeFields.priority.default(100),
  conditions: routeFields.conditions,
  steps: routeFields.steps,
});
export type CreateApprovalRouteRequest = z.input<typeof CreateApprovalRouteRequest>;

/** Partial update bound to the version the admin saw; a stale version answers 409. */
export const UpdateApprovalRouteRequest = z.strictObject({
  version,
  name: routeFields.name.optional(),
  priority: routeFields.priority.optional(),
  conditions: routeFields.conditions.optional(),
  steps: routeFields.steps.optional(),
});
export type UpdateApprovalRouteRequest = z.input<typeof UpdateApprovalRouteRequest>;

const ApprovalStepView = z.object({
  name: z.string(),
  approvers: ApproverSelection,
  mode: z.enum(APPROVAL_MODES),
  deputyUserId: z.string().nullable(),
  due: ApprovalDueRule,
  skipWhenSubmittedBy: z.array(role),
});

export const ApprovalRouteView = z.object({
  id: z.string(),
  name: z.string(),
  priority: z.number(),
  isDefault: z.boolean(),
  conditions: ApprovalRouteConditions,
  steps: z.array(ApprovalStepView),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApprovalRouteView = z.infer<typeof ApprovalRouteView>;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum als JJJJ-MM-TT angeben');

/** Vorwahlzeit (election-blackout in libs/domain); both days inclusive, in the organization's zone. */
export const ElectionBlackoutPeriod = z.strictObject({
  from: localDate,
  to: localDate,
  label: z.string().trim().max(200).nullable().default(null),
});
export type ElectionBlackoutPeriod = z.input<typeof ElectionBlackoutPeriod>;

export const ApprovalSettingsView = z.object({
  /** Authors may decide their own posts: off unless the organization switched it on (audited). */
  allowSelfApproval: z.boolean(),
  electionBlackoutPeriods: z.array(z.object({ from: z.string(), to: z.string(), label: z.string().nullable() })),
  version: z.number(),
  updatedAt: z.string(),
});
export type ApprovalSettingsView = z.infer<typeof ApprovalSettingsView>;

export const UpdateApprovalSettingsRequest = z.strictObject({
  version,
  allowSelfApproval: z.boolean().optional(),
  electionBlackoutPeriods: z.array(ElectionBlackoutPeriod).max(50).optional(),
});
export type UpdateApprovalSettingsRequest = z.input<typeof UpdateApprovalSettingsRequest>;

/** Submits the post in the version the editor saw (409 when it changed in the meantime). */
export const SubmitPostRequest = z.strictObject({ version });
export type SubmitPostRequest = z.infer<typeof SubmitPostRequest>;

const contentHash = z.string().regex(/^[0-9a-f]{64}$/, 'Ungültige Prüfsumme des Inhalts');

/** One decision on the open step, about exactly the content (hash) the approver saw. */
export const DecisionRequest = z.strictObject({
  decision: z.enum(APPROVAL_DECISION_KINDS, { message: 'Bitte freigeben, Änderungen erbitten oder ablehnen' }),
  stepIndex: z.number().int().min(0),
  contentHash,
  /** Required for `request_changes`. */
  comment: z.string().max(5000).nullable().default(null),
});
export type DecisionRequest = z.input<typeof DecisionRequest>;

export const PersonRef = z.object({ id: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** The content an approval is bound to, as canonicalApprovalContent stores it. */
export const ApprovalContentView = z.object({
  format: z.literal(1),
  channels: z.array(z.object({ channelId: z.string(), text: z.string() })),
  media: z.array(z.object({ id: z.string(), contentHash: z.string(), altText: z.string() })),
  planning: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('unplanned') }),
    z.object({ kind: z.literal('day'), date: z.string() }),
    z.object({ kind: z.literal('time'), at: z.string() }),
  ]),
});
export type ApprovalContentView = z.infer<typeof ApprovalContentView>;

/** What is approved besides posts; see APPROVAL_SUBJECT_TYPES in the backend. */
export const APPROVAL_SUBJECT_TYPES = ['post', 'text_block', 'playbook', 'inbox_reply'] as const;
export type ApprovalSubjectType = (typeof APPROVAL_SUBJECT_TYPES)[number];

/** The content a text block version's approval is bound to (textBlockContent in libs/domain). */
export const TextBlockApprovalContentView = z.object({
  title: z.string(),
  body: z.object({ sie: z.string().nullable(), du: z.string().nullable() }),
  category: z.object({ id: z.string(), name: z.string() }),
  platforms: z.array(z.string()),
});
export type TextBlockApprovalContentView = z.infer<typeof TextBlockApprovalContentView>;

/** A text block version under approval: which block, which version, and its bound content. */
export const ApprovalTextBlockSubjectView = z.object({
  textBlockId: z.string(),
  versionId: z.string(),
  versionNumber: z.number(),
  title: z.string(),
  content: TextBlockApprovalContentView,
});
export type ApprovalTextBlockSubjectView = z.infer<typeof ApprovalTextBlockSubjectView>;

/** What the decision page shows of a crisis playbook version: its bound content in brief. */
export const PlaybookApprovalContentView = z.object({
  name: z.string(),
  scenario: z.string(),
  contactCount: z.number(),
  levels: z.array(z.object({ level: z.number(), name: z.string(), stepCount: z.number(), contactCount: z.number(), stopRecommended: z.boolean() })),
});
export type PlaybookApprovalContentView = z.infer<typeof PlaybookApprovalContentView>;

/** A crisis playbook version under approval: which playbook, which version, and its bound content. */
export const ApprovalPlaybookSubjectView = z.object({
  playbookId: z.string(),
  versionId: z.string(),
  versionNumber: z.number(),
  title: z.string(),
  content: PlaybookApprovalContentView,
});
export type ApprovalPlaybookSubjectView = z.infer<typeof ApprovalPlaybookSubjectView>;

/** A reply of the Posteingang under approval (sensitive category): the bound reply and the comment it answers. */
export const ApprovalInboxReplySubjectView = z.object({
  itemId: z.string(),
  replyId: z.string(),
  comment: z.object({
    authorHandle: z.string(),
    authorDisplayName: z.string().nullable(),
    text: z.string(),
    channelName: z.string().nullable(),
    category: z.string(),
  }),
  body: z.string(),
  fromTextBlock: z.boolean(),
});
export type ApprovalInboxReplySubjectView = z.infer<typeof ApprovalInboxReplySubjectView>;

export const ApprovalDecisionView = z.object({
  user: PersonRef,
  kind: z.enum(APPROVAL_DECISION_KINDS),
  comment: z.string().nullable(),
  decidedAt: z.string(),
  asDeputy: z.boolean(),
  selfApproval: z.boolean(),
});
export type ApprovalDecisionView = z.infer<typeof ApprovalDecisionView>;

export const ApprovalStepProgressView = z.object({
  index: z.number(),
  name: z.string(),
  mode: z.enum(APPROVAL_MODES),
  status: z.enum(APPROVAL_STEP_STATUSES),
  dueAt: z.string(),
  overdue: z.boolean(),
  approvers: z.array(PersonRef),
  deputy: PersonRef.nullable(),
  decisions: z.array(ApprovalDecisionView),
});
export type ApprovalStepProgressView = z.infer<typeof ApprovalStepProgressView>;

export const ApprovalRequestView = z.object({
  id: z.string(),
  /** What is approved: a post (postId, post, content), a text block version (textBlock) or a playbook version (playbook). */
  subjectType: z.enum(APPROVAL_SUBJECT_TYPES),
  postId: z.string().nullable(),
  post: z.object({ id: z.string(), workingTitle: z.string(), status: PostStatus, version: z.number() }).nullable(),
  textBlock: ApprovalTextBlockSubjectView.nullable(),
  playbook: ApprovalPlaybookSubjectView.nullable(),
  inboxReply: ApprovalInboxReplySubjectView.nullable(),
  status: z.enum(APPROVAL_REQUEST_STATUSES),
  /** The route as it was at submission; `id` is null once the route was deleted. */
  route: z.object({ id: z.string().nullable(), name: z.string() }),
  contentHash: z.string(),
  /** The post's bound content; null for other subjects (see `textBlock.content`). */
  content: ApprovalContentView.nullable(),
  author: PersonRef,
  submittedBy: PersonRef,
  submittedAt: z.string(),
  plannedAt: z.string().nullable(),
  steps: z.array(ApprovalStepProgressView),
  currentStepIndex: z.number().nullable(),
  /** Who may decide the open step now (the deputy once the step is overdue). */
  awaitingDecisionFrom: z.array(PersonRef),
  /** Whether the current user may decide the open step, and if not, why (German). */
  myDecision: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
  /** Neutrality warning when the post is planned in an election blackout period. */
  neutralityWarning: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Why the request was voided: what changed in the approved content. */
  voidReasons: z.array(z.object({ kind: z.string(), message: z.string() })),
  version: z.number(),
});
export type ApprovalRequestView = z.infer<typeof ApprovalRequestView>;

export const ApprovalInboxItem = z.object({
  requestId: z.string(),
  subjectType: z.enum(APPROVAL_SUBJECT_TYPES),
  postId: z.string().nullable(),
  textBlockId: z.string().nullable(),
  playbookId: z.string().nullable(),
  /** The Posteingang item an inbox reply answers. */
  inboxItemId: z.string().nullable(),
  /** The post's working title, the text block's title or the playbook's name. */
  workingTitle: z.string(),
  /** The channels of the submitted content, in its order. */
  channelIds: z.array(z.string()),
  status: z.enum(APPROVAL_REQUEST_STATUSES),
  currentStep: z.object({ index: z.number(), name: z.string(), dueAt: z.string() }).nullable(),
  overdue: z.boolean(),
  submittedBy: PersonRef,
  submittedAt: z.string(),
  plannedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ApprovalInboxItem = z.infer<typeof ApprovalInboxItem>;

/** The personal "Freigaben" inbox. */
export const ApprovalInboxView = z.object({
  /** Open steps the current user may decide now. */
  waitingForMe: z.array(ApprovalInboxItem),
  /** What the current user submitted: running, and closed in the last 30 days. */
  submittedByMe: z.array(ApprovalInboxItem),
  /** Running requests past the due time of their open step that concern the current user (all of them for planners). */
  overdue: z.array(ApprovalInboxItem),
});
export type ApprovalInboxView = z.infer<typeof ApprovalInboxView>;

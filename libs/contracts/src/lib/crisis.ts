import { z } from 'zod';
import { INCIDENT_STATUSES, LIFT_DECISIONS, PLAYBOOK_VERSION_STATUSES, TIMELINE_KINDS } from '@amtsplan/domain';
import { uuid, version } from './common';

/**
 * Shitstorm playbooks and crisis mode (Krisenmodus): playbooks with versioned content, incidents
 * with their timeline, checklist and contacts, the Kommunikationsstopp and its lifting, the
 * after-action review and drills. The rules live in libs/domain (crisis/*).
 */

const text = (max: number) => z.string().trim().max(max);
const id = z.string().trim().min(1).max(60);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte ein Datum im Format JJJJ-MM-TT angeben');

export const LevelTriggersInput = z.strictObject({
  negativePerHourOnOneChannel: z.number().nullable(),
  negativeShare: z.number().nullable(),
  channelsAffected: z.number().int().nullable(),
});

export const ChecklistStepInput = z.strictObject({
  id,
  title: text(300),
  responsible: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('role'), role: text(120) }),
    z.strictObject({ kind: z.literal('person'), name: text(120) }),
  ]),
  dueWithinMinutes: z.number().int(),
});

export const PlaybookContactInput = z.strictObject({
  id,
  name: text(200),
  function: text(200),
  phone: text(60),
  deputy: text(200),
  reachability: text(300),
  userId: uuid.nullable(),
});

export const PlaybookLevelInput = z.strictObject({
  level: z.number().int(),
  name: text(80),
  ownChannels: text(1000),
  otherMedia: text(1000),
  triggers: LevelTriggersInput,
  checklist: z.array(ChecklistStepInput).max(40),
  contactIds: z.array(id).max(40),
  holdingStatementIds: z.array(uuid).max(20),
  dos: z.array(text(300)).max(20),
  donts: z.array(text(300)).max(20),
  stopRecommended: z.boolean(),
});

export const PlaybookContentInput = z.strictObject({
  name: text(200),
  scenario: text(2000),
  contacts: z.array(PlaybookContactInput).max(60),
  levels: z.array(PlaybookLevelInput).max(7),
});
export type PlaybookContentInput = z.infer<typeof PlaybookContentInput>;

export const PlaybookVersionStatus = z.enum(PLAYBOOK_VERSION_STATUSES);

export const PlaybookView = z.object({
  id: uuid,
  name: z.string(),
  scenario: z.string(),
  templateKey: z.string().nullable(),
  ownerUserId: uuid.nullable(),
  lastReviewedOn: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  content: PlaybookContentInput,
  versionNumber: z.number().int(),
  versionStatus: PlaybookVersionStatus,
  contentHash: z.string(),
  approvedVersionNumber: z.number().int().nullable(),
  /** The latest approval request of the current version (Freigaben), null before it is submitted. */
  approvalRequestId: uuid.nullable(),
  version,
  updatedAt: z.string(),
});
export type PlaybookView = z.infer<typeof PlaybookView>;

export const PlaybookTemplateView = z.object({ key: z.string(), name: z.string(), scenario: z.string(), content: PlaybookContentInput });
export type PlaybookTemplateView = z.infer<typeof PlaybookTemplateView>;

export const CreatePlaybookRequest = z.strictObject({
  content: PlaybookContentInput,
  ownerUserId: uuid.nullable().default(null),
  nextReviewOn: isoDate.nullable().default(null),
});
export type CreatePlaybookRequest = z.input<typeof CreatePlaybookRequest>;

export const CopyPlaybookTemplateRequest = z.strictObject({ templateKey: z.string().min(1).max(60) });
export type CopyPlaybookTemplateRequest = z.infer<typeof CopyPlaybookTemplateRequest>;

export const UpdatePlaybookRequest = z.strictObject({
  version,
  content: PlaybookContentInput.optional(),
  ownerUserId: uuid.nullable().optional(),
  lastReviewedOn: isoDate.nullable().optional(),
  nextReviewOn: isoDate.nullable().optional(),
});
export type UpdatePlaybookRequest = z.infer<typeof UpdatePlaybookRequest>;

/** Submits the playbook's current version to the organization's Freigabe (docs/crisis.md). */
export const SubmitPlaybookRequest = z.strictObject({ version });
export type SubmitPlaybookRequest = z.infer<typeof SubmitPlaybookRequest>;

// ---- Incidents ----

export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export const TimelineKind = z.enum(TIMELINE_KINDS);

export const TimelineEntryView = z.object({
  id: uuid,
  at: z.string(),
  kind: TimelineKind,
  text: z.string(),
  actorUserId: uuid.nullable(),
  actorName: z.string().nullable(),
});
export type TimelineEntryView = z.infer<typeof TimelineEntryView>;

export const ChecklistStateView = z.object({ level: z.number().int(), stepId: z.string(), doneAt: z.string(), doneByUserId: uuid.nullable() });
export const ContactAlertView = z.object({ contactId: z.string(), alertedAt: z.string(), byUserId: uuid.nullable(), automatic: z.boolean() });

export const FollowUpTask = z.strictObject({ title: text(300).min(1, 'Bitte die Aufgabe beschreiben'), owner: text(200), dueOn: isoDate.nullable(), done: z.boolean() });
export const IncidentReviewInput = z.strictObject({
  whatHappened: text(5000).min(1, 'Bitte beschreiben, was passiert ist'),
  whatWorked: text(5000),
  whatToChange: text(5000),
  followUps: z.array(FollowUpTask).max(30),
});
export type IncidentReviewInput = z.infer<typeof IncidentReviewInput>;

export const IncidentView = z.object({
  id: uuid,
  title: z.string(),
  reason: z.string(),
  level: z.number().int(),
  status: IncidentStatus,
  drill: z.boolean(),
  playbookId: uuid.nullable(),
  playbookVersionNumber: z.number().int().nullable(),
  content: PlaybookContentInput,
  ownerUserId: uuid.nullable(),
  declaredAt: z.string(),
  endedAt: z.string().nullable(),
  checklist: z.array(ChecklistStateView),
  contactsAlerted: z.array(ContactAlertView),
  /** The drill's own stop (nothing real is paused); for a real incident the organization's stop. */
  stopActive: z.boolean(),
  review: IncidentReviewInput.nullable(),
  /** A drill's generated comment wave (empty for a real incident). */
  drillWave: z.array(z.object({ channel: z.string(), minute: z.number().int(), category: z.string(), text: z.string() })),
  timeline: z.array(TimelineEntryView),
  version,
});
export type IncidentView = z.infer<typeof IncidentView>;

export const IncidentSummaryView = IncidentView.pick({ id: true, title: true, level: true, status: true, drill: true, declaredAt: true, endedAt: true });
export type IncidentSummaryView = z.infer<typeof IncidentSummaryView>;

export const DeclareIncidentRequest = z.strictObject({
  playbookId: uuid.nullable().default(null),
  title: text(200).min(1, 'Bitte den Krisenfall benennen'),
  reason: text(2000).min(1, 'Bitte den Anlass angeben'),
  level: z.number().int().min(0, 'Stufen reichen von 0 bis 6').max(6, 'Stufen reichen von 0 bis 6'),
  ownerUserId: uuid.nullable().default(null),
  drill: z.boolean().default(false),
  /** The „Möglicher Shitstorm“ alert the crisis is declared from (marked as declared with it). */
  detectionId: uuid.nullable().default(null),
});
export type DeclareIncidentRequest = z.input<typeof DeclareIncidentRequest>;

export const ChangeLevelRequest = z.strictObject({ version, level: z.number().int().min(0).max(6), reason: text(1000) });
export const ChecklistStepRequest = z.strictObject({ version, level: z.number().int(), stepId: id, done: z.boolean() });
export const ContactAlertedRequest = z.strictObject({ version, contactId: id });
export const TimelineNoteRequest = z.strictObject({ text: text(2000).min(1, 'Bitte einen Eintrag schreiben') });
export const StatementUsedRequest = z.strictObject({ textBlockId: uuid, note: text(500) });
export const EndIncidentRequest = z.strictObject({ version });
export const IncidentReviewRequest = z.strictObject({ version, review: IncidentReviewInput });
export type ChangeLevelRequest = z.infer<typeof ChangeLevelRequest>;
export type ChecklistStepRequest = z.infer<typeof ChecklistStepRequest>;
export type ContactAlertedRequest = z.infer<typeof ContactAlertedRequest>;
export type TimelineNoteRequest = z.infer<typeof TimelineNoteRequest>;
export type StatementUsedRequest = z.infer<typeof StatementUsedRequest>;
export type EndIncidentRequest = z.infer<typeof EndIncidentRequest>;
export type IncidentReviewRequest = z.infer<typeof IncidentReviewRequest>;

// ---- Kommunikationsstopp ----

export const ActivateStopRequest = z.strictObject({
  version,
  confirm: z.literal(true, { message: 'Bitte bestätigen, dass nichts mehr veröffentlicht wird' }),
  reason: text(1000).min(1, 'Bitte einen Grund angeben'),
});
export type ActivateStopRequest = z.infer<typeof ActivateStopRequest>;

export const PausedPostView = z.object({ postId: uuid, workingTitle: z.string(), plannedAt: z.string(), version });
export type PausedPostView = z.infer<typeof PausedPostView>;

export const LiftDecision = z.enum(LIFT_DECISIONS);
export const LiftStopRequest = z.strictObject({
  version,
  reason: text(1000).min(1, 'Bitte einen Grund angeben'),
  bulk: z.strictObject({ decision: LiftDecision, plannedAt: z.iso.datetime({ offset: true }).nullable().default(null) }).nullable().default(null),
  decisions: z
    .array(z.strictObject({ postId: uuid, decision: LiftDecision, plannedAt: z.iso.datetime({ offset: true }).nullable().default(null) }))
    .max(500)
    .default([]),
});
export type LiftStopRequest = z.input<typeof LiftStopRequest>;

export const LiftStopResult = z.object({
  incident: IncidentView,
  published: z.array(uuid),
  replanned: z.array(uuid),
  leftPaused: z.array(uuid),
});
export type LiftStopResult = z.infer<typeof LiftStopResult>;

/** What the app shell's banner shows on every page of the organization. */
export const CrisisStatusView = z.object({
  incident: z.object({ id: uuid, title: z.string(), level: z.number().int(), levelName: z.string() }).nullable(),
  stop: z.object({ since: z.string().nullable(), reason: z.string().nullable() }).nullable(),
});
export type CrisisStatusView = z.infer<typeof CrisisStatusView>;

// ---- Detection („Möglicher Shitstorm“) ----

export const CrisisDetectionView = z.object({
  id: uuid,
  suggestedLevel: z.number().int(),
  levelName: z.string(),
  playbook: z.object({ id: uuid, name: z.string(), versionNumber: z.number().int().nullable() }).nullable(),
  windowMinutes: z.number().int(),
  channels: z.array(
    z.object({
      channelId: z.string(),
      channelName: z.string(),
      items: z.number().int(),
      negative: z.number().int(),
      negativePerHour: z.number(),
      negativeShare: z.number(),
      meeting: z.boolean(),
    }),
  ),
  detectedAt: z.string(),
  lastSeenAt: z.string(),
  status: z.enum(['open', 'dismissed', 'declared']),
  incidentId: uuid.nullable(),
  version,
});
export type CrisisDetectionView = z.infer<typeof CrisisDetectionView>;

export const DismissDetectionRequest = z.strictObject({ version, reason: text(500) });
export type DismissDetectionRequest = z.infer<typeof DismissDetectionRequest>;

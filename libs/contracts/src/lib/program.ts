import { z } from 'zod';
import { CURRICULUM_TOPICS, type Curriculum, EXERCISE_RULES, POSTER_SECTIONS, PROGRAM_AREAS, PROGRAM_WEEKS, runScheduleProblems } from '@amtsplan/domain';
import { email, uuid, version } from './common';
import { AltText } from './media';

/**
 * The front matter of one week of the learning program (`libs/curriculum/<version>/woche-NN.md`).
 * This schema checks the shape; `validateCurriculum` in libs/domain checks the meaning (12 weeks,
 * minutes adding up, rules that exist, every poster section filled).
 */
const text = z.string().trim().min(1);
const minutes = z.number().int().positive();

const exerciseBase = {
  id: text,
  title: text,
  minutes,
  area: z.enum(PROGRAM_AREAS),
  instructions: text,
};

const Exercise = z.discriminatedUnion('kind', [
  z.object({ ...exerciseBase, kind: z.literal('reflection'), posterSection: z.enum(POSTER_SECTIONS), prompt: text }).strict(),
  z
    .object({
      ...exerciseBase,
      kind: z.literal('action'),
      rule: z.enum(Object.keys(EXERCISE_RULES) as [keyof typeof EXERCISE_RULES, ...(keyof typeof EXERCISE_RULES)[]]),
      params: z.record(z.string(), z.number()),
    })
    .strict(),
  z.object({ ...exerciseBase, kind: z.literal('checklist'), items: z.array(text).min(1) }).strict(),
  z.object({ ...exerciseBase, kind: z.literal('upload'), artefact: text, requiresAltText: z.boolean(), posterSection: z.enum(POSTER_SECTIONS).optional() }).strict(),
]);

export const CurriculumWeekFrontMatter = z
  .object({
    week: z.number().int(),
    title: text,
    milestone: z.enum(['kick-off', 'zwischenfazit', 'praesentation']).optional(),
    topics: z.array(z.enum(CURRICULUM_TOPICS)).min(1),
    goals: z.array(text).min(1),
    resources: z.array(
      z.object({ title: text, url: z.string().optional(), area: z.enum(PROGRAM_AREAS).optional(), note: z.string().optional() }).strict(),
    ),
    agenda: z.array(z.object({ minutes, title: text }).strict()).min(1),
    exercises: z.array(Exercise).min(1),
  })
  .strict();
export type CurriculumWeekFrontMatter = z.infer<typeof CurriculumWeekFrontMatter>;

/** `GET /api/program/curriculum`: the curriculum in use, as the domain describes it. */
export type CurriculumView = Curriculum;

// ——— Runs, cohorts, progress and sharing ———————————————————————————————————————————————

const runName = z.string().trim().min(1, 'Bitte einen Namen angeben').max(120);
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum als JJJJ-MM-TT angeben')
  .superRefine((value, context) => {
    for (const problem of runScheduleProblems({ startsOn: value, unlockedThroughWeek: 0 })) context.addIssue({ code: 'custom', message: problem.message });
  });
const week = z.number().int().min(1, `Woche 1 bis ${PROGRAM_WEEKS} angeben`).max(PROGRAM_WEEKS, `Woche 1 bis ${PROGRAM_WEEKS} angeben`);
/** 0 for an exercise the participant has not saved anything for yet. */
const progressVersion = z.number().int().min(0);

/** `POST /api/program/runs` (facilitators): a Durchgang starting on a Monday. */
export const CreateRunRequest = z.strictObject({ name: runName, startsOn: calendarDay });
export type CreateRunRequest = z.input<typeof CreateRunRequest>;

/** `POST /api/program/runs/:runId/unlock`: open weeks early, forward only. */
export const UnlockWeeksRequest = z.strictObject({ throughWeek: week, version });
export type UnlockWeeksRequest = z.input<typeof UnlockWeeksRequest>;

export const CohortMeeting = z.strictObject({
  weekday: z.number().int().min(1, 'Wochentag 1 (Montag) bis 7 (Sonntag)').max(7, 'Wochentag 1 (Montag) bis 7 (Sonntag)'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit als HH:MM angeben'),
});
export type CohortMeeting = z.infer<typeof CohortMeeting>;

/** `POST /api/program/runs/:runId/cohorts`. */
export const CreateCohortRequest = z.strictObject({ name: runName, meeting: CohortMeeting });
export type CreateCohortRequest = z.input<typeof CreateCohortRequest>;

/** `POST /api/program/cohorts/:cohortId/enrolments`: an existing member, for that authority. */
export const EnrolParticipantRequest = z.strictObject({ organizationId: uuid, email });
export type EnrolParticipantRequest = z.input<typeof EnrolParticipantRequest>;

/** `PUT …/exercises/:exerciseId/reflection`. */
export const SaveReflectionRequest = z.strictObject({
  version: progressVersion,
  answer: z.string().max(20_000, 'Höchstens 20.000 Zeichen'),
  finished: z.boolean().default(false),
});
export type SaveReflectionRequest = z.input<typeof SaveReflectionRequest>;

/** `PUT …/exercises/:exerciseId/checklist`: the indexes of the ticked items. */
export const SaveChecklistRequest = z.strictObject({
  version: progressVersion,
  checked: z.array(z.number().int().min(0, 'Ungültiger Punkt').max(50, 'Ungültiger Punkt')).max(50),
});
export type SaveChecklistRequest = z.input<typeof SaveChecklistRequest>;

const reflectionSource = { kind: z.literal('reflection'), exerciseId: z.string().trim().min(1, 'Bitte eine Aufgabe angeben').max(80) };
const postDraftSource = {
  kind: z.literal('post_draft'),
  postId: uuid,
  /** Further names to hide, e.g. people named in the post. */
  names: z.array(z.string().trim().max(120)).max(30).default([]),
};

/** An upload exercise's image: shared as a copy of the file with its alt text (the body). */
const uploadSource = { kind: z.literal('upload'), exerciseId: z.string().trim().min(1, 'Bitte eine Aufgabe angeben').max(80) };

/** One section of the Konzept-Plakat, composed as the poster shows it (answers and live facts). */
const posterSectionSource = { kind: z.literal('poster_section'), section: z.enum(POSTER_SECTIONS, { message: 'Bitte einen Abschnitt des Plakats angeben' }) };
/** The current approved version of one of the authority's text blocks: title and body. */
const textBlockSource = { kind: z.literal('text_block'), textBlockId: uuid };

/** What to share into the cohort: a reflection answer, a post draft (anonymised), an uploaded image, a poster section or a text block. */
export const ShareSource = z.discriminatedUnion('kind', [
  z.strictObject(reflectionSource),
  z.strictObject(postDraftSource),
  z.strictObject(uploadSource),
  z.strictObject(posterSectionSource),
  z.strictObject(textBlockSource),
]);
export type ShareSource = z.input<typeof ShareSource>;

/**
 * `POST …/shares`: the source plus the text the participant saw in the preview; when the source
 * changed in between, the share is refused (409) rather than sending something not seen.
 */
const previewedBody = z.string().max(70_000);
export const CreateShareRequest = z.discriminatedUnion('kind', [
  z.strictObject({ ...reflectionSource, body: previewedBody }),
  z.strictObject({ ...postDraftSource, body: previewedBody }),
  z.strictObject({ ...uploadSource, body: previewedBody }),
  z.strictObject({ ...posterSectionSource, body: previewedBody }),
  z.strictObject({ ...textBlockSource, body: previewedBody }),
]);
export type CreateShareRequest = z.input<typeof CreateShareRequest>;

export const SHARE_KINDS = ['reflection', 'post_draft', 'upload', 'poster_section', 'text_block'] as const;

export const SharePreview = z.object({ kind: z.enum(SHARE_KINDS), title: z.string(), body: z.string() });
export type SharePreview = z.infer<typeof SharePreview>;

export const CreateShareCommentRequest = z.strictObject({ body: z.string().trim().min(1, 'Bitte einen Kommentar schreiben').max(4000, 'Höchstens 4.000 Zeichen') });
export type CreateShareCommentRequest = z.input<typeof CreateShareCommentRequest>;

export const SHARE_REACTIONS = ['like', 'helpful', 'idea'] as const;
/** `PUT …/shares/:shareId/reaction`: one reaction per person, null takes it back. */
export const SetShareReactionRequest = z.strictObject({ reaction: z.enum(SHARE_REACTIONS).nullable() });
export type SetShareReactionRequest = z.input<typeof SetShareReactionRequest>;

const meetingView = z.object({ weekday: z.number(), time: z.string(), minutes: z.number() });

export const CohortSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  meeting: meetingView,
  nextMeetingAt: z.string().nullable(),
  authorities: z.number(),
  version: z.number(),
});
export type CohortSummaryView = z.infer<typeof CohortSummaryView>;

export const RunView = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: z.string(),
  unlockedThroughWeek: z.number(),
  /** The highest open week today (calendar or early unlock). */
  openWeeks: z.number(),
  curriculumVersion: z.string(),
  version: z.number(),
  cohorts: z.array(CohortSummaryView),
});
export type RunView = z.infer<typeof RunView>;

export const CohortMemberView = z.object({
  enrolmentId: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  participant: z.object({ id: z.string(), displayName: z.string() }),
  /** Finished exercises per week, index 0 = week 1. */
  doneByWeek: z.array(z.number()),
});
export type CohortMemberView = z.infer<typeof CohortMemberView>;

export const ShareCommentView = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: z.object({ displayName: z.string(), organizationName: z.string().nullable() }),
});
export type ShareCommentView = z.infer<typeof ShareCommentView>;

export const ShareView = z.object({
  id: z.string(),
  /** `upload`: the body is the image's alt text; the image is at `…/shares/:shareId/image`. */
  kind: z.enum(SHARE_KINDS),
  exerciseId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: z.object({ displayName: z.string(), organizationName: z.string() }),
  own: z.boolean(),
  reactions: z.record(z.enum(SHARE_REACTIONS), z.number()),
  myReaction: z.enum(SHARE_REACTIONS).nullable(),
  comments: z.array(ShareCommentView),
});
export type ShareView = z.infer<typeof ShareView>;

/** `GET /api/program/cohorts/:cohortId`: what a cohort member or its facilitator sees. */
export const CohortView = z.object({
  id: z.string(),
  name: z.string(),
  run: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), openWeeks: z.number() }),
  meeting: meetingView,
  nextMeetingAt: z.string().nullable(),
  members: z.array(CohortMemberView),
  shares: z.array(ShareView),
  /** Submitted Zwischenfazits (week 6) of the members. */
  midpointReviews: z.array(z.lazy(() => CohortMidpointReviewView)),
});
export type CohortView = z.infer<typeof CohortView>;

export const ExerciseCheckView = z.object({
  holds: z.boolean(),
  done: z.number(),
  target: z.number(),
  summary: z.string(),
  missing: z.array(z.string()),
});

export const ExerciseProgressView = z.object({
  exerciseId: z.string(),
  kind: z.enum(['reflection', 'action', 'checklist', 'upload']),
  title: z.string(),
  minutes: z.number(),
  status: z.enum(['open', 'in_progress', 'done']),
  missing: z.array(z.string()),
  doneAt: z.string().nullable(),
  /** 0 until something was saved; send it back with the next save. */
  version: z.number(),
  answer: z.string().optional(),
  finished: z.boolean().optional(),
  checked: z.array(z.number()).optional(),
  /** The live check of an action exercise against the authority's data. */
  check: ExerciseCheckView.optional(),
  /** An upload exercise's image (null until uploaded); the file is at `…/exercises/:exerciseId/upload/file`. */
  upload: z.lazy(() => ExerciseUploadView).nullable().optional(),
});
export type ExerciseProgressView = z.infer<typeof ExerciseProgressView>;

export const ProgramWeekView = z.object({
  week: z.number(),
  title: z.string(),
  opensOn: z.string(),
  open: z.boolean(),
  /** Exercises only for open weeks: a closed week shows its title and date. */
  exercises: z.array(ExerciseProgressView),
});
export type ProgramWeekView = z.infer<typeof ProgramWeekView>;

export const EnrolmentProgramView = z.object({
  enrolmentId: z.string(),
  run: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), curriculumVersion: z.string() }),
  cohort: z.object({ id: z.string(), name: z.string(), meeting: meetingView, nextMeetingAt: z.string().nullable() }),
  openWeeks: z.number(),
  weeks: z.array(ProgramWeekView),
});
export type EnrolmentProgramView = z.infer<typeof EnrolmentProgramView>;

/** `GET /api/orgs/:orgId/program`: the signed-in participant's enrolments for this authority. */
export const MyProgramView = z.object({ enrolments: z.array(EnrolmentProgramView) });
export type MyProgramView = z.infer<typeof MyProgramView>;

/** The leadership's signature under the Kick-off-Manifest. */
export const ManifestSignatureView = z.object({ name: z.string(), function: z.string(), signedAt: z.string() });
export type ManifestSignatureView = z.infer<typeof ManifestSignatureView>;

/** `GET /api/orgs/:orgId/program/manifest`: the authority's text (the template until saved) and its signature. */
export const ManifestView = z.object({
  text: z.string(),
  /** 0 while the template is shown; send it back with the next save. */
  version: z.number(),
  signature: ManifestSignatureView.nullable(),
  /** Whether the signed-in person may sign (Leitung or Administration). */
  canSign: z.boolean(),
  canEdit: z.boolean(),
});
export type ManifestView = z.infer<typeof ManifestView>;

export const SaveManifestRequest = z.strictObject({
  text: z.string().trim().min(20, 'Mindestens 20 Zeichen').max(8000, 'Höchstens 8.000 Zeichen'),
  version: z.number().int().min(0),
});
export type SaveManifestRequest = z.input<typeof SaveManifestRequest>;

export const SignManifestRequest = z.strictObject({
  function: z.string().trim().min(2, 'Bitte die Funktion angeben (z. B. Bürgermeisterin)').max(120, 'Höchstens 120 Zeichen'),
  version: z.number().int().min(0),
});
export type SignManifestRequest = z.input<typeof SignManifestRequest>;

/** The image uploaded for an upload exercise. */
export const ExerciseUploadView = z.object({
  id: z.string(),
  altText: z.string(),
  contentType: z.string(),
  byteSize: z.number(),
  width: z.number(),
  height: z.number(),
  uploadedAt: z.string(),
  version: z.number(),
});
export type ExerciseUploadView = z.infer<typeof ExerciseUploadView>;

/** `PATCH …/exercises/:exerciseId/upload`: a corrected alt text. */
export const UpdateExerciseUploadRequest = z.strictObject({ version, altText: AltText });
export type UpdateExerciseUploadRequest = z.input<typeof UpdateExerciseUploadRequest>;

export const PosterSectionView = z.object({
  section: z.enum(POSTER_SECTIONS),
  title: z.string(),
  answers: z.array(z.object({ exerciseId: z.string(), question: z.string(), text: z.string() })),
  facts: z.array(z.string()),
  /** Uploaded images; the file is at `…/exercises/:exerciseId/upload/file`. */
  images: z.array(z.object({ exerciseId: z.string(), title: z.string(), altText: z.string(), version: z.number() })),
  filled: z.boolean(),
});

/** `GET /api/orgs/:orgId/program/enrolments/:enrolmentId/poster`: the Konzept-Plakat. */
export const PosterView = z.object({
  organizationName: z.string(),
  /** The Peer-Gruppe its answers can be shared into. */
  cohortId: z.string(),
  runName: z.string(),
  sections: z.array(PosterSectionView),
  filledCount: z.number(),
  manifest: ManifestSignatureView.nullable(),
});
export type PosterView = z.infer<typeof PosterView>;

/** `GET /api/program/authorities`: what a facilitator chooses from when enrolling. */
export const AuthorityOption = z.object({ id: z.string(), name: z.string() });
export type AuthorityOption = z.infer<typeof AuthorityOption>;

/** The week in which the Zwischenfazit is written (and from which it can be). */
export const MIDPOINT_REVIEW_WEEK = 6;

const reviewText = z.string().max(4000, 'Höchstens 4.000 Zeichen');

/** `PUT …/enrolments/:enrolmentId/midpoint-review`: version 0 = first save; `submit` shows it to the cohort. */
export const SaveMidpointReviewRequest = z.strictObject({
  version: z.number().int().min(0),
  works: reviewText,
  notWorking: reviewText,
  next: reviewText,
  submit: z.boolean().default(false),
});
export type SaveMidpointReviewRequest = z.input<typeof SaveMidpointReviewRequest>;

export const MidpointReviewView = z.object({
  works: z.string(),
  notWorking: z.string(),
  next: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number(),
});
export type MidpointReviewView = z.infer<typeof MidpointReviewView>;

/** A submitted Zwischenfazit as the cohort and the facilitator see it. */
export const CohortMidpointReviewView = MidpointReviewView.omit({ version: true }).extend({
  enrolmentId: z.string(),
  participantName: z.string(),
  organizationName: z.string(),
});
export type CohortMidpointReviewView = z.infer<typeof CohortMidpointReviewView>;

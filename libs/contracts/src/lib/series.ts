import { z } from 'zod';
import { isCalendarDate, validateRule } from '@amtsplan/domain';
import { uuid, version } from './common';
import { ChecklistItem } from './posts';

const localStart = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'Beginn als JJJJ-MM-TTTHH:MM angeben')
  .refine((value) => isCalendarDate(value.slice(0, 10)), 'Diesen Tag gibt es nicht');
const rrule = z
  .string()
  .trim()
  .min(1, 'Bitte eine Wiederholung angeben')
  .max(500)
  .superRefine((value, context) => {
    const problem = validateRule(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
const hashtag = z
  .string()
  .trim()
  .max(100)
  .regex(/^(#[\p{L}\p{N}_]+)?$/u, 'Ein Hashtag beginnt mit # und enthält keine Leerzeichen');

const seriesFields = {
  name: z.string().trim().min(1, 'Bitte einen Namen angeben').max(120),
  hashtag,
  description: z.string().max(2000),
  channelIds: z.array(uuid).max(20),
  /** One RRULE line without DTSTART, e.g. FREQ=WEEKLY;BYDAY=TU. */
  rrule,
  /** First occurrence on the organization's wall clock. */
  start: localStart,
  topicId: uuid.nullable(),
  checklist: z.array(ChecklistItem).max(30),
  textSkeleton: z.string().max(70_000),
  active: z.boolean(),
};

/** A Serie/Format: a recurring slot in the plan, e.g. "#Tierheimdienstag" every Tuesday at 10:00. */
export const CreateSeriesRequest = z.strictObject({
  name: seriesFields.name,
  hashtag: seriesFields.hashtag.default(''),
  description: seriesFields.description.default(''),
  channelIds: seriesFields.channelIds.default([]),
  rrule: seriesFields.rrule,
  start: seriesFields.start,
  topicId: seriesFields.topicId.default(null),
  checklist: seriesFields.checklist.default([]),
  textSkeleton: seriesFields.textSkeleton.default(''),
  active: seriesFields.active.default(true),
});
export type CreateSeriesRequest = z.input<typeof CreateSeriesRequest>;

export const UpdateSeriesRequest = z.strictObject({
  version,
  name: seriesFields.name.optional(),
  hashtag: seriesFields.hashtag.optional(),
  description: seriesFields.description.optional(),
  channelIds: seriesFields.channelIds.optional(),
  rrule: seriesFields.rrule.optional(),
  start: seriesFields.start.optional(),
  topicId: seriesFields.topicId.optional(),
  checklist: seriesFields.checklist.optional(),
  textSkeleton: seriesFields.textSkeleton.optional(),
  active: seriesFields.active.optional(),
});
export type UpdateSeriesRequest = z.infer<typeof UpdateSeriesRequest>;

export const SeriesView = z.object({
  id: z.string(),
  name: z.string(),
  hashtag: z.string(),
  description: z.string(),
  channelIds: z.array(z.string()),
  rrule: z.string(),
  /** German description of the rule, e.g. "Wöchentlich am Dienstag um 10:00 Uhr". */
  ruleDescription: z.string(),
  start: z.string(),
  timeZone: z.string(),
  topicId: z.string().nullable(),
  checklist: z.array(ChecklistItem),
  textSkeleton: z.string(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type SeriesView = z.infer<typeof SeriesView>;

export const SeriesSlotQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  seriesId: uuid.optional(),
});
export type SeriesSlotQuery = z.infer<typeof SeriesSlotQuery>;

/** One occurrence of a series in a window; `postId` is set when a post fills it. */
export const SeriesSlotView = z.object({
  seriesId: z.string(),
  at: z.string(),
  postId: z.string().nullable(),
});
export type SeriesSlotView = z.infer<typeof SeriesSlotView>;

export const FillSeriesSlotRequest = z.strictObject({
  at: z.iso.datetime({ offset: true, message: 'Zeitpunkt als ISO 8601 angeben' }),
});
export type FillSeriesSlotRequest = z.infer<typeof FillSeriesSlotRequest>;

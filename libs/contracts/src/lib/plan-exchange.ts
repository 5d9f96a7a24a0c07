import { z } from 'zod';
import type { ProblemDetails } from './problem';
import { PostListQuery } from './posts';

// ---- Kalender-Abo (iCal subscription) ----

export const CalendarFeedView = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  revokedAt: z.string().nullable(),
  /** When a calendar app last fetched the feed (updated at most every ten minutes). */
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedView = z.infer<typeof CalendarFeedView>;

export const CreateCalendarFeedRequest = z.strictObject({
  /** What the subscription is for, e.g. „Outlook Pressestelle“; shown in the list of subscriptions. */
  label: z.string().trim().min(1, 'Bitte eine Bezeichnung angeben').max(100),
});
export type CreateCalendarFeedRequest = z.infer<typeof CreateCalendarFeedRequest>;

/** The subscription address contains the secret token; it is returned this once and never again. */
export const CalendarFeedCreated = z.object({ feed: CalendarFeedView, subscriptionUrl: z.string() });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

// ---- Export ----

export const PLAN_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type PlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];

/** The filters of the plan's list, plus the file format. */
export const PlanExportQuery = PostListQuery.extend({
  format: z.enum(PLAN_EXPORT_FORMATS, { message: 'Format xlsx oder csv angeben' }).default('xlsx'),
});
export type PlanExportQuery = z.infer<typeof PlanExportQuery>;

/** Column headers of an exported plan, in order. */
export const PLAN_EXPORT_COLUMNS = ['Datum', 'Uhrzeit', 'Arbeitstitel', 'Text', 'Kanäle', 'Thema', 'Status', 'Schlagwörter', 'Verantwortlich'] as const;

// ---- Import ----

/** Post fields an imported column can fill. */
export const PLAN_IMPORT_FIELDS = ['date', 'time', 'workingTitle', 'text', 'channels', 'topic', 'status', 'tags'] as const;
export type PlanImportField = (typeof PLAN_IMPORT_FIELDS)[number];
export const REQUIRED_PLAN_IMPORT_FIELDS: readonly PlanImportField[] = ['date', 'workingTitle'];

/** Largest number of data rows one import may carry. */
export const PLAN_IMPORT_MAX_ROWS = 2000;

const columnName = z.string().trim().min(1).max(200);

/** Which column of the file fills which field; unmapped fields stay empty. */
export const PlanImportMapping = z.strictObject({
  date: columnName,
  workingTitle: columnName,
  time: columnName.nullish(),
  text: columnName.nullish(),
  channels: columnName.nullish(),
  topic: columnName.nullish(),
  status: columnName.nullish(),
  tags: columnName.nullish(),
});
export type PlanImportMapping = z.infer<typeof PlanImportMapping>;

export const PLAN_IMPORT_MODES = ['all-or-nothing', 'skip-invalid'] as const;
export type PlanImportMode = (typeof PLAN_IMPORT_MODES)[number];

/** Multipart fields next to the file `file`: `mapping` (JSON of PlanImportMapping) and `mode`. */
export const PlanImportFields = z.strictObject({
  mapping: PlanImportMapping,
  mode: z.enum(PLAN_IMPORT_MODES, { message: 'Modus all-or-nothing oder skip-invalid angeben' }).default('all-or-nothing'),
});
export type PlanImportFields = z.input<typeof PlanImportFields>;

export const PlanImportPreview = z.object({
  /** Header row of the sheet; empty headers are named after their column letter. */
  columns: z.array(z.string()),
  suggestedMapping: z.partialRecord(z.enum(PLAN_IMPORT_FIELDS), z.string()),
  /** The first 20 data rows, each cell as text. */
  rows: z.array(z.array(z.string())),
  totalRows: z.number(),
  /** Worksheet name of an Excel file; null for CSV. */
  sheetName: z.string().nullable(),
});
export type PlanImportPreview = z.infer<typeof PlanImportPreview>;

export const PlanImportRowError = z.object({
  /** Row number as the spreadsheet shows it (the header is row 1 when it is the first row). */
  row: z.number(),
  /** Column header the problem is in; null when it concerns the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});
export type PlanImportRowError = z.infer<typeof PlanImportRowError>;

export const PlanImportResult = z.object({
  created: z.number(),
  skipped: z.number(),
  rowErrors: z.array(PlanImportRowError),
});
export type PlanImportResult = z.infer<typeof PlanImportResult>;

/** The 422 answer of an all-or-nothing import with invalid rows: nothing was written. */
export interface PlanImportProblem extends ProblemDetails {
  readonly rowErrors: readonly PlanImportRowError[];
}

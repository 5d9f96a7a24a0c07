import { z } from 'zod';
import { ADDRESS_FORMS, isCalendarDate, PLACEHOLDER_KEY_PATTERN, PLATFORM_IDS, SHORT_CODE_PATTERN } from '@amtsplan/domain';
import { uuid, version } from './common';

const calendarDate = z.string().refine(isCalendarDate, 'Datum als JJJJ-MM-TT angeben');
const body = z.string().max(5000).nullable();
const tag = z.string().trim().min(1).max(60);

const blockFields = {
  title: z.string().trim().min(1, 'Bitte einen Titel angeben').max(200),
  shortCode: z.string().trim().toLowerCase().regex(SHORT_CODE_PATTERN, 'Kürzel: Kleinbuchstaben, Ziffern, „-“ und „_“, höchstens 30 Zeichen'),
  body: z.strictObject({ sie: body, du: body }),
  categoryId: uuid,
  /** Platforms it suits; empty: every channel. */
  platforms: z.array(z.enum(PLATFORM_IDS)).max(PLATFORM_IDS.length),
  tags: z.array(tag).max(20),
  ownerUserId: uuid,
  validFrom: calendarDate.nullable(),
  validUntil: calendarDate.nullable(),
  reviewOn: calendarDate.nullable(),
};

export const CreateTextBlockRequest = z.strictObject({
  title: blockFields.title,
  shortCode: blockFields.shortCode,
  body: blockFields.body,
  categoryId: blockFields.categoryId,
  platforms: blockFields.platforms.default([]),
  tags: blockFields.tags.default([]),
  /** Default: the person creating it. */
  ownerUserId: blockFields.ownerUserId.optional(),
  validFrom: blockFields.validFrom.default(null),
  validUntil: blockFields.validUntil.default(null),
  reviewOn: blockFields.reviewOn.default(null),
});
export type CreateTextBlockRequest = z.input<typeof CreateTextBlockRequest>;

/** Partial update with the block's `version` (409 when stale). Text changes go into a new version once the current one was submitted. */
export const UpdateTextBlockRequest = z.strictObject({
  version,
  title: blockFields.title.optional(),
  shortCode: blockFields.shortCode.optional(),
  body: blockFields.body.optional(),
  categoryId: blockFields.categoryId.optional(),
  platforms: blockFields.platforms.optional(),
  tags: blockFields.tags.optional(),
  ownerUserId: blockFields.ownerUserId.optional(),
  validFrom: blockFields.validFrom.optional(),
  validUntil: blockFields.validUntil.optional(),
  reviewOn: blockFields.reviewOn.optional(),
});
export type UpdateTextBlockRequest = z.input<typeof UpdateTextBlockRequest>;

export const SubmitTextBlockRequest = z.strictObject({ version });
export type SubmitTextBlockRequest = z.input<typeof SubmitTextBlockRequest>;

export const TEXT_BLOCK_STATUSES = ['draft', 'in_approval', 'approved', 'approved_new_in_approval', 'approved_new_draft', 'changes_requested', 'rejected', 'expired'] as const;
export const TEXT_BLOCK_VERSION_STATUSES = ['draft', 'in_approval', 'approved', 'changes_requested', 'rejected'] as const;

export const TextBlockListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  categoryId: uuid.optional(),
  status: z.enum(TEXT_BLOCK_STATUSES).optional(),
  tag: z.string().max(60).optional(),
  addressForm: z.enum(ADDRESS_FORMS).optional(),
  /** `picker`: only approved, valid blocks, with their approved version (what replies may use). */
  for: z.enum(['list', 'picker']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type TextBlockListQuery = z.infer<typeof TextBlockListQuery>;

export const TextBlockVersionView = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  body: z.object({ sie: z.string().nullable(), du: z.string().nullable() }),
  category: z.object({ id: z.string(), name: z.string() }),
  platforms: z.array(z.string()),
  status: z.enum(TEXT_BLOCK_VERSION_STATUSES),
  /** The version's most recent approval request, if it was ever submitted. */
  approvalRequestId: z.string().nullable(),
  createdAt: z.string(),
});
export type TextBlockVersionView = z.infer<typeof TextBlockVersionView>;

export const TextBlockView = z.object({
  id: z.string(),
  shortCode: z.string(),
  status: z.enum(TEXT_BLOCK_STATUSES),
  owner: z.object({ id: z.string(), displayName: z.string() }),
  tags: z.array(z.string()),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  reviewOn: z.string().nullable(),
  usageCount: z.number(),
  lastUsedAt: z.string().nullable(),
  /** The version being edited (the newest). */
  latest: TextBlockVersionView,
  /** The version replies may use: the newest approved one; null when none is. */
  approved: TextBlockVersionView.nullable(),
  version: z.number(),
});
export type TextBlockView = z.infer<typeof TextBlockView>;

/** One hit of the search: the block with the version that matters (latest in the list, approved in the picker). */
export const TextBlockHit = z.object({
  id: z.string(),
  shortCode: z.string(),
  status: z.enum(TEXT_BLOCK_STATUSES),
  tags: z.array(z.string()),
  usageCount: z.number(),
  lastUsedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  reviewOn: z.string().nullable(),
  owner: z.object({ id: z.string(), displayName: z.string() }),
  versionId: z.string(),
  versionNumber: z.number(),
  title: z.string(),
  body: z.object({ sie: z.string().nullable(), du: z.string().nullable() }),
  category: z.object({ id: z.string(), name: z.string() }),
  platforms: z.array(z.string()),
});
export type TextBlockHit = z.infer<typeof TextBlockHit>;

export const TextBlockCategoryView = z.object({ id: z.string(), name: z.string(), position: z.number() });
export type TextBlockCategoryView = z.infer<typeof TextBlockCategoryView>;

export const OrganizationPlaceholderView = z.object({
  key: z.string().regex(PLACEHOLDER_KEY_PATTERN, 'Platzhalter: Kleinbuchstaben, Ziffern, „-“ und „_“, beginnend mit einem Buchstaben'),
  label: z.string().trim().min(1).max(80),
  defaultValue: z.string().max(500).nullable(),
});
export type OrganizationPlaceholderView = z.infer<typeof OrganizationPlaceholderView>;

export const TextBlockSettingsView = z.object({
  addressForm: z.enum(ADDRESS_FORMS),
  placeholders: z.array(OrganizationPlaceholderView),
  version: z.number(),
});
export type TextBlockSettingsView = z.infer<typeof TextBlockSettingsView>;

export const UpdateTextBlockSettingsRequest = z.strictObject({
  version,
  addressForm: z.enum(ADDRESS_FORMS).optional(),
  placeholders: z.array(OrganizationPlaceholderView).max(50).optional(),
});
export type UpdateTextBlockSettingsRequest = z.input<typeof UpdateTextBlockSettingsRequest>;

/** Inserting a block into a reply: which version was used. */
export const RecordTextBlockUseRequest = z.strictObject({ versionId: uuid });
export type RecordTextBlockUseRequest = z.input<typeof RecordTextBlockUseRequest>;

export const TextBlockImportRequest = z.strictObject({ csv: z.string().min(1, 'Die Datei ist leer').max(5_000_000) });
export type TextBlockImportRequest = z.input<typeof TextBlockImportRequest>;

export const TextBlockImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  /** Rows that were not imported, with the line number in the file (header = line 1). */
  errors: z.array(z.object({ line: z.number(), path: z.string(), message: z.string() })),
});
export type TextBlockImportResult = z.infer<typeof TextBlockImportResult>;

export const StarterPackResult = z.object({ created: z.number(), skipped: z.number() });
export type StarterPackResult = z.infer<typeof StarterPackResult>;

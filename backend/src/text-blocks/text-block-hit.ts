import type { TextBlockHit } from '@amtsplan/contracts';
import { textBlockStatus, type TextBlockVersionStatus } from '@amtsplan/domain';
import { isoTimestamp } from '../database/iso-timestamp';

/** A row of a text block search: the block with the version that matters for the caller. */
export interface TextBlockHitRow {
  readonly id: string;
  readonly shortCode: string;
  readonly tags: string[];
  readonly usageCount: number;
  /** ISO time, as the API answers it. */
  readonly lastUsedAt: string | null;
  readonly validUntil: string | null;
  readonly reviewOn: string | null;
  readonly ownerUserId: string;
  /** Null when the scope cannot see the owner. */
  readonly ownerDisplayName: string | null;
  readonly latestVersionId: string;
  readonly approvedVersionId: string | null;
  /** The status of the block's latest version; null when there is none to see. */
  readonly latestStatus: string | null;
  readonly versionId: string;
  readonly versionNumber: number;
  readonly title: string;
  readonly bodySie: string | null;
  readonly bodyDu: string | null;
  readonly categoryId: string;
  readonly categoryName: string;
  readonly platforms: string[];
  readonly status: string;
}

/** Which version a hit shows: the approved one (picker, holding statements) or the latest one (list). */
export type ShownVersion = 'approved' | 'latest';

/**
 * The select list and joins of a `TextBlockHitRow` for a statement reading `text_blocks b`: the
 * shown version `v` with its category, the owner's name and the latest version's status, all in
 * the one statement.
 */
export function hitSelect(shown: ShownVersion): { readonly columns: string; readonly joins: string } {
  const latest = shown === 'latest' ? 'v' : 'lv';
  return {
    columns: `b.id, b.short_code AS "shortCode", b.tags, b.usage_count AS "usageCount", ${isoTimestamp('b.last_used_at')} AS "lastUsedAt",
              to_char(b.valid_until, 'YYYY-MM-DD') AS "validUntil", to_char(b.review_on, 'YYYY-MM-DD') AS "reviewOn",
              b.owner_user_id AS "ownerUserId", u.display_name AS "ownerDisplayName",
              b.latest_version_id AS "latestVersionId", b.approved_version_id AS "approvedVersionId", ${latest}.status AS "latestStatus",
              v.id AS "versionId", v.number AS "versionNumber", v.title, v.body_sie AS "bodySie", v.body_du AS "bodyDu",
              v.category_id AS "categoryId", c.name AS "categoryName", v.platforms, v.status`,
    joins: `JOIN text_block_versions v ON v.id = b.${shown}_version_id AND v.organization_id = b.organization_id
            JOIN text_block_categories c ON c.id = v.category_id AND c.organization_id = b.organization_id
            LEFT JOIN users u ON u.id = b.owner_user_id${
              shown === 'latest' ? '' : `\n            LEFT JOIN text_block_versions lv ON lv.id = b.latest_version_id AND lv.organization_id = b.organization_id`
            }`,
  };
}

/** A search row as a hit; the status is the block's, from its latest and approved version. */
export function textBlockHit(row: TextBlockHitRow, today: string): TextBlockHit {
  const latest = (row.latestStatus ?? row.status) as TextBlockVersionStatus;
  // Only the order counts: an approved version older than the latest one, or the same one.
  const versions =
    row.approvedVersionId && row.approvedVersionId !== row.latestVersionId
      ? [{ number: 1, status: 'approved' as const }, { number: 2, status: latest }]
      : [{ number: 1, status: latest }];
  return {
    id: row.id,
    shortCode: row.shortCode,
    status: textBlockStatus(versions, row, today),
    tags: row.tags,
    usageCount: row.usageCount,
    lastUsedAt: row.lastUsedAt,
    validUntil: row.validUntil,
    reviewOn: row.reviewOn,
    owner: { id: row.ownerUserId, displayName: row.ownerDisplayName ?? 'Unbekannte Person' },
    versionId: row.versionId,
    versionNumber: row.versionNumber,
    title: row.title,
    body: { sie: row.bodySie, du: row.bodyDu },
    category: { id: row.categoryId, name: row.categoryName },
    platforms: row.platforms,
  };
}

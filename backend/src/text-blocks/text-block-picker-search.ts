import type { TextBlockListQuery } from '@amtsplan/contracts';
import { hitSelect } from './text-block-hit';

/** Up to this many characters the picker matches only the beginnings of short codes and titles. */
export const SHORT_QUERY_LENGTH = 2;

/** Title (A) counts ten times the body (B): a title hit always comes first. */
export const RANK_WEIGHTS = `'{0.01, 0.02, 0.1, 1.0}'`;

export interface PickerSql {
  readonly sql: string;
  readonly params: unknown[];
}

/** Escapes LIKE's wildcards in a prefix. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The texts beginning with `prefix`, as a half-open range in collation "C" (code point order):
 * from the prefix itself up to, not including, the prefix with its last character replaced by
 * the next one ("abf" → "abg"). A range, unlike `LIKE $1`, keeps its index bounds in a
 * prepared statement's generic plan. `to` is null when no text lies above every match (a
 * prefix of only U+10FFFF characters): then the range is open upwards.
 */
export function prefixRange(prefix: string): { readonly from: string; readonly to: string | null } {
  const characters = Array.from(prefix);
  while (characters.length > 0) {
    const last = characters.pop() as string;
    const code = last.codePointAt(0) as number;
    if (code < 0x10ffff) {
      // Surrogate code points are no characters of a PostgreSQL text: skip past them.
      const next = code + 1 === 0xd800 ? 0xe000 : code + 1;
      return { from: prefix, to: characters.join('') + String.fromCodePoint(next) };
    }
  }
  return { from: prefix, to: null };
}

/**
 * The picker's typeahead as tiers, each answered by an index on `text_blocks` (decision 0016),
 * each with its own LIMIT, appended in rank order so PostgreSQL stops as soon as the first tiers
 * fill the page:
 * 1. short code: the exact code, then codes beginning with the text, in code order (btree
 *    organization_id, short_code in collation "C", which sorts the exact code first);
 * 2. titles beginning with the text, alphabetically (btree on organization_id and the
 *    lower-cased title in collation "C");
 * 3. from 3 characters on: every word a `german` prefix of the approved version's words,
 *    ranked by `ts_rank` (title A ten times body B), usage, title (GIN on the vector).
 * The search data of the approved version sits on the block (`picker_title`,
 * `picker_search_vector`, kept by triggers), so no tier reads the versions table. The tiers read
 * the view `text_block_picker_candidates` (the authority's approved blocks), see its migration.
 */
export function pickerSql(query: TextBlockListQuery, organizationId: string, today: string, tsquery: string | null): PickerSql {
  const params: unknown[] = [organizationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const day = param(today);
  // The view holds the authority's approved, pickable blocks; read through it, the prefixes are
  // index ranges (row-level security would keep the non-leakproof LIKE and @@ out of the index).
  const where = [
    'b.organization_id = $1',
    `(b.valid_until IS NULL OR b.valid_until >= ${day}::date)`,
    `(b.valid_from IS NULL OR b.valid_from <= ${day}::date)`,
  ];
  // Filters on the version read it only for the candidates of a tier.
  const versionFilters: string[] = [];
  if (query.categoryId) versionFilters.push(`v.category_id = ${param(query.categoryId)}`);
  if (query.addressForm === 'sie') versionFilters.push(`coalesce(v.body_sie, '') <> ''`);
  if (query.addressForm === 'du') versionFilters.push(`coalesce(v.body_du, '') <> ''`);
  if (versionFilters.length) {
    where.push(`EXISTS (SELECT 1 FROM text_block_versions v WHERE v.id = b.approved_version_id AND v.organization_id = b.organization_id AND ${versionFilters.join(' AND ')})`);
  }
  if (query.tag) where.push(`${param(query.tag)} = ANY(b.tags)`);
  const limit = param(query.limit ?? 10);
  const common = where.join(' AND ');

  const text = query.q?.trim().toLowerCase() ?? '';
  let hits: string;
  if (!text) {
    hits = `SELECT b.id, 0 AS tier, NULL::text COLLATE "C" AS sort_text, 0::real AS score FROM text_block_picker_candidates b
             WHERE ${common} ORDER BY b.usage_count DESC, b.picker_title, b.id LIMIT ${limit}`;
  } else {
    // Prefixes as ranges in collation "C", so that the statement's generic plan keeps the index bounds.
    const range = prefixRange(text);
    const from = param(range.from);
    const to = range.to === null ? null : param(range.to);
    const begins = (column: string) => `(${column} COLLATE "C" >= ${from}${to ? ` AND ${column} COLLATE "C" < ${to}` : ''})`;
    const code = begins('b.short_code');
    const title = begins('lower(b.picker_title)');
    const tiers = [
      `(SELECT b.id, 1 AS tier, b.short_code COLLATE "C" AS sort_text, 0::real AS score FROM text_block_picker_candidates b
         WHERE ${common} AND ${code} ORDER BY b.short_code COLLATE "C" LIMIT ${limit})`,
    ];
    tiers.push(`(SELECT b.id, 2, lower(b.picker_title) COLLATE "C", 0::real FROM text_block_picker_candidates b
       WHERE ${common} AND ${title} AND NOT ${code}
       ORDER BY lower(b.picker_title) COLLATE "C", b.id LIMIT ${limit})`);
    if (text.length > SHORT_QUERY_LENGTH && tsquery) {
      const tsq = `to_tsquery('german', ${param(tsquery)})`;
      tiers.push(`(SELECT b.id, 3, NULL::text COLLATE "C", ts_rank(${RANK_WEIGHTS}, b.picker_search_vector, ${tsq}) AS score FROM text_block_picker_candidates b
         WHERE ${common} AND b.picker_search_vector @@ ${tsq} AND NOT ${code} AND NOT ${title}
         ORDER BY score DESC, b.usage_count DESC, b.picker_title, b.id LIMIT ${limit})`);
    }
    hits = `${tiers.join('\n UNION ALL\n')} LIMIT ${limit}`;
  }
  const hit = hitSelect('approved');
  return {
    sql: `WITH hits AS MATERIALIZED (${hits})
      SELECT ${hit.columns}
        FROM hits h
        JOIN text_blocks b ON b.id = h.id
        ${hit.joins}
       ORDER BY h.tier, h.sort_text, h.score DESC, b.usage_count DESC, v.title, b.id`,
    params,
  };
}

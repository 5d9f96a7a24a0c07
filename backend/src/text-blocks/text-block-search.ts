import { Injectable } from '@nestjs/common';
import type { TextBlockListQuery } from '@amtsplan/contracts';
import { runPrepared, shapedStatement } from '../database/prepared-query';
import { RequestScope } from '../database/request-scope';
import { hitSelect, type TextBlockHitRow } from './text-block-hit';
import { likePrefix, pickerSql, RANK_WEIGHTS } from './text-block-picker-search';

/**
 * Words of the search box as a `german` prefix query: every word must match the beginning of a
 * word (after stemming) in title or body, e.g. "sperr abh" → `sperr:* & abh:*`. Characters
 * that mean something to tsquery are dropped; null when nothing searchable is left.
 */
export function prefixQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/**
 * German full-text search over text blocks, ranked: exact short code, then short-code prefix,
 * then ts_rank over the weighted vector (title A before body B), then usage. The list searches
 * the latest version of every block; the picker only the approved version of blocks valid
 * today, in index-backed tiers (see `pickerSql`).
 */
@Injectable()
export class TextBlockSearch {
  async search(query: TextBlockListQuery, today: string): Promise<TextBlockHitRow[]> {
    const { organizationId } = RequestScope.organization();
    if (query.for === 'picker') {
      const { sql, params } = pickerSql(query, organizationId, today, prefixQuery(query.q?.trim() ?? ''));
      // Prepared per statement shape (filters, tiers): after five executions PostgreSQL keeps a
      // generic plan per connection, and planning took longer than running the tiers (decision 0016).
      return (await runPrepared<TextBlockHitRow>(RequestScope.manager(), shapedStatement('text_block_picker', sql), params)).rows;
    }
    const params: unknown[] = [organizationId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = ['b.organization_id = $1'];
    if (query.categoryId) where.push(`v.category_id = ${param(query.categoryId)}`);
    if (query.tag) where.push(`${param(query.tag)} = ANY(b.tags)`);
    if (query.addressForm === 'sie') where.push(`coalesce(v.body_sie, '') <> ''`);
    if (query.addressForm === 'du') where.push(`coalesce(v.body_du, '') <> ''`);

    const text = query.q?.trim() ?? '';
    const tsquery = prefixQuery(text);
    const order: string[] = [];
    if (text) {
      const code = param(text.toLowerCase());
      const codeLike = param(likePrefix(text.toLowerCase()));
      order.push(`CASE WHEN b.short_code = ${code} THEN 2 WHEN b.short_code LIKE ${codeLike} THEN 1 ELSE 0 END DESC`);
      if (tsquery) {
        const tsq = `to_tsquery('german', ${param(tsquery)})`;
        // Title (A) counts ten times the body (B): a title hit always comes first.
        order.push(`ts_rank(${RANK_WEIGHTS}, v.search_vector, ${tsq}) DESC`);
        where.push(`(b.short_code LIKE ${codeLike} OR v.search_vector @@ ${tsq})`);
      } else {
        where.push(`b.short_code LIKE ${codeLike}`);
      }
    }
    const limit = param(query.limit ?? 100);
    const hit = hitSelect('latest');
    const rows: TextBlockHitRow[] = await RequestScope.manager().query(
      `SELECT ${hit.columns}
         FROM text_blocks b
         ${hit.joins}
        WHERE ${where.join(' AND ')}
        ORDER BY ${[...order, 'b.usage_count DESC', 'v.title ASC', 'b.id'].join(', ')}
        LIMIT ${limit}`,
      params,
    );
    return rows;
  }
}

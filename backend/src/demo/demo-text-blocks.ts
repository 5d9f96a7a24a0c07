import { canonicalTextBlockContent, STARTER_PACK, type StarterBlock } from '@amtsplan/domain';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** One more block than the starter pack: something a town is asked about every spring. */
const EXTRA: readonly StarterBlock[] = [
  {
    shortCode: 'stadtfest',
    title: 'Stadtfest: Anreise mit Bus und Bahn',
    category: 'Veranstaltungen',
    tags: ['stadtfest', 'verkehr'],
    sie: 'Hallo {{name}}, zum Stadtfest fahren die Busse am Wochenende im 10-Minuten-Takt. Parkplätze sind knapp – reisen Sie am besten mit Bus und Bahn an: {{link}}',
    du: 'Hallo {{name}}, zum Stadtfest fahren die Busse am Wochenende im 10-Minuten-Takt. Parkplätze sind knapp – komm am besten mit Bus und Bahn: {{link}}',
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Approved text blocks for Stadt Musterstadt, as if the Redaktion had written and submitted them
 * and the Leitung had approved them through the default route a few weeks ago (four-eyes: the
 * approver is not the author). Written as the owner, request and decision included, so the
 * picker and the Freigabeprotokoll have real history. A few carry a review date or validity end.
 */
export async function seedDemoTextBlocks(manager: EntityManager, organizationId: string, authorId: string, approverId: string): Promise<void> {
  const [route] = await manager.query(`SELECT id, name, priority, is_default AS "isDefault", conditions, steps FROM approval_routes WHERE organization_id = $1 AND is_default`, [organizationId]);
  const categories = new Map<string, string>(
    (await manager.query(`SELECT id, name FROM text_block_categories WHERE organization_id = $1`, [organizationId])).map((c: { id: string; name: string }) => [c.name, c.id]),
  );
  const now = Date.now();
  const blocks = [...STARTER_PACK, ...EXTRA];
  for (const [index, block] of blocks.entries()) {
    const categoryId = categories.get(block.category)!;
    const blockId = randomUUID();
    const versionId = randomUUID();
    const submittedAt = new Date(now - (30 - index) * DAY_MS);
    const decidedAt = new Date(submittedAt.getTime() + 3 * 60 * 60 * 1000);
    const body = { sie: block.sie, du: block.du };
    const canonical = canonicalTextBlockContent({ title: block.title, body, category: { id: categoryId, name: block.category }, platforms: [] });
    const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
    const reviewOn = index % 5 === 0 ? new Date(now + (index + 10) * DAY_MS).toISOString().slice(0, 10) : null;
    const validUntil = block.shortCode === 'stadtfest' ? new Date(now + 120 * DAY_MS).toISOString().slice(0, 10) : null;
    await manager.query(
      `INSERT INTO text_blocks (id, organization_id, short_code, owner_user_id, tags, review_on, valid_until, latest_version_id, approved_version_id, usage_count, last_used_at, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $4, $11)`,
      [blockId, organizationId, block.shortCode, authorId, block.tags, reviewOn, validUntil, versionId, (index * 7) % 23, index % 3 === 0 ? null : new Date(now - index * DAY_MS), submittedAt],
    );
    await manager.query(
      `INSERT INTO text_block_versions (id, organization_id, text_block_id, number, title, body_sie, body_du, category_id, platforms, status, submitted, author_user_id, editor_user_ids, created_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, '{}', 'approved', true, $8, ARRAY[$8]::uuid[], $9)`,
      [versionId, organizationId, blockId, block.title, block.sie, block.du, categoryId, authorId, submittedAt],
    );
    // The Redaktion submitted, so its own step was skipped; the Leitung approved.
    const steps = (route.steps as Array<{ name: string; mode: string }>).map((step, i) => ({
      name: step.name,
      mode: step.mode,
      approverUserIds: i === 0 ? [] : [approverId],
      deputyUserId: null,
      dueAt: new Date(submittedAt.getTime() + DAY_MS).toISOString(),
      status: i === 0 ? 'skipped' : 'approved',
    }));
    const requestId = randomUUID();
    await manager.query(
      `INSERT INTO approval_requests (id, organization_id, subject_type, text_block_version_id, route_id, route_snapshot, status, content_hash, canonical_content,
                                      author_user_id, submitted_by_user_id, content_editor_user_ids, submitted_at, steps, closed_at)
       VALUES ($1, $2, 'text_block', $3, $4, $5, 'approved', $6, $7, $8, $8, ARRAY[$8]::uuid[], $9, $10, $11)`,
      [requestId, organizationId, versionId, route.id, JSON.stringify(route), hash, canonical, authorId, submittedAt, JSON.stringify(steps), decidedAt],
    );
    await manager.query(
      `INSERT INTO approval_decisions (organization_id, request_id, step_index, user_id, kind, comment, as_deputy, self_approval, content_hash, decided_at)
       VALUES ($1, $2, $3, $4, 'approve', NULL, false, false, $5, $6)`,
      [organizationId, requestId, steps.length - 1, approverId, hash, decidedAt],
    );
  }
}

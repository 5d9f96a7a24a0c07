import { Injectable } from '@nestjs/common';
import type { TextBlockHit } from '@amtsplan/contracts';
import { playbookLevel, type PlaybookContent } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { hitSelect, textBlockHit, type TextBlockHitRow } from '../text-blocks/text-block-hit';
import { organizationToday } from '../organizations/organization-time-zone';
import { IncidentRepository } from './incident.repository';

/**
 * The holding statements of the active crisis in the reply composer (docs/crisis.md): the
 * approved, valid text blocks the open incident's current level links, for the picker's group
 * „Haltungsstatements (aktive Krise)“; and the automatic timeline entry when a reply built on one
 * of the incident's holding statements is sent.
 */
@Injectable()
export class HoldingStatements {
  constructor(private readonly incidents: IncidentRepository) {}

  async forPicker(): Promise<TextBlockHit[]> {
    const incident = await this.incidents.open();
    const ids = incident ? (playbookLevel(incident.content as PlaybookContent, incident.level)?.holdingStatementIds ?? []) : [];
    if (!ids.length) return [];
    const { organizationId } = RequestScope.organization();
    const today = await organizationToday();
    const hit = hitSelect('approved');
    const rows: TextBlockHitRow[] = await RequestScope.manager().query(
      `SELECT ${hit.columns}
         FROM text_blocks b
         ${hit.joins}
        WHERE b.organization_id = $1 AND b.id::text = ANY($2::text[])
          AND (b.valid_until IS NULL OR b.valid_until >= $3::date) AND (b.valid_from IS NULL OR b.valid_from <= $3::date)`,
      [organizationId, ids, today],
    );
    const order = new Map(ids.map((id, i) => [id, i]));
    const hits = rows.map((row) => textBlockHit(row, today));
    return hits.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
}

/**
 * Called where an inbox reply is recorded: when the reply was built on a holding statement of
 * the open (real) incident, the incident's timeline says it was published, with an audit event,
 * in the reply's transaction. Any other reply leaves the incident alone.
 */
@Injectable()
export class HoldingStatementUse {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly audit: AuditLog,
  ) {}

  async replySent(inboxItemId: string, textBlockVersionId: string | null, delivery: 'mastodon' | 'copied'): Promise<void> {
    if (!textBlockVersionId) return;
    const incident = await this.incidents.open();
    if (!incident) return;
    const { organizationId } = RequestScope.organization();
    const [block]: Array<{ id: string; shortCode: string; title: string }> = await RequestScope.manager().query(
      `SELECT b.id, b.short_code AS "shortCode", v.title FROM text_block_versions v JOIN text_blocks b ON b.id = v.text_block_id
        WHERE v.id = $1 AND v.organization_id = $2`,
      [textBlockVersionId, organizationId],
    );
    const content = incident.content as PlaybookContent;
    if (!block || !content.levels.some((l) => l.holdingStatementIds.includes(block.id))) return;
    const how = delivery === 'mastodon' ? 'als Antwort auf Mastodon veröffentlicht' : 'als Antwort kopiert und veröffentlicht';
    await this.incidents.addEntry(incident.id, 'statement_used', `Haltungsstatement ${how}: „${block.title}“ (/${block.shortCode})`, { textBlockId: block.id, textBlockVersionId, inboxItemId, delivery });
    await this.audit.recordInOrganization({ action: 'incident.statement_used', objectType: 'incident', objectId: incident.id, details: { textBlockId: block.id, inboxItemId, delivery } });
  }
}

import { Injectable } from '@nestjs/common';
import type { InboxItemDetail, SecureEvidenceRequest } from '@amtsplan/contracts';
import { INBOX_CATEGORY_LABELS, localDateOf, strafantragDeadline } from '@amtsplan/domain';
import { createHash } from 'node:crypto';
import { ChannelEntity } from '../channels/channel.entity';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { cleanImage } from '../media/image-cleaning';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AuditLog } from '../audit/audit-log';
import { renderEvidenceReportPdf } from './evidence-report-pdf';
import { InboxHistory } from './inbox-history';
import { InboxItemRepository } from './inbox-item.repository';
import { InboxEvidenceEntity } from './inbox-records.entity';
import { InboxViews } from './inbox-views';

type ParsedEvidence = { context: string; knowledgeDate?: string | null; screenshotBase64?: string | null };

/** The exact bytes the checksum covers: every secured field, in a fixed order. */
export function evidenceContentHash(fields: Record<string, string | null>): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * "Beweis sichern": a copy of the item as it is now, with an absolute time and zone, kept
 * under legal hold (the retention job leaves it alone) and locked against edits by a trigger.
 * An optional screenshot passes the same checks as post images (decoded, re-encoded).
 */
@Injectable()
export class InboxEvidenceService {
  constructor(
    private readonly items: InboxItemRepository,
    private readonly history: InboxHistory,
    private readonly views: InboxViews,
    private readonly audit: AuditLog,
  ) {}

  async secure(itemId: string, request: SecureEvidenceRequest & ParsedEvidence): Promise<InboxItemDetail> {
    const item = await this.items.find(itemId);
    if (item.personalDataRemovedAt) throw ProblemException.conflict('Die Angaben dieses Eintrags wurden schon gelöscht; es gibt nichts mehr zu sichern.');
    const scope = RequestScope.organization();
    const organization = await scope.tx.manager.findOneByOrFail(OrganizationEntity, { id: scope.organizationId });
    const knowledgeDate = request.knowledgeDate ?? localDateOf(new Date(), organization.timeZone);
    let screenshot: { bytes: Buffer; type: string; sha256: string } | null = null;
    if (request.screenshotBase64) {
      const image = await cleanImage(Buffer.from(request.screenshotBase64, 'base64'));
      screenshot = { bytes: image.bytes, type: image.contentType, sha256: createHash('sha256').update(image.bytes).digest('hex') };
    }
    const fields = {
      text: item.text,
      authorHandle: item.authorHandle,
      authorDisplayName: item.authorDisplayName,
      authorProfileUrl: item.authorProfileUrl,
      permalink: item.permalink,
      occurredAt: item.receivedAt.toISOString(),
      timeZone: organization.timeZone,
      context: request.context,
      screenshotSha256: screenshot?.sha256 ?? null,
    };
    const contentSha256 = evidenceContentHash(fields);
    const inserted = await scope.tx.manager.insert(InboxEvidenceEntity, {
      organizationId: scope.organizationId,
      itemId,
      text: item.text,
      authorHandle: item.authorHandle,
      authorDisplayName: item.authorDisplayName,
      authorProfileUrl: item.authorProfileUrl,
      permalink: item.permalink,
      occurredAt: item.receivedAt,
      timeZone: organization.timeZone,
      context: request.context,
      knowledgeDate,
      screenshot: screenshot?.bytes ?? null,
      screenshotType: screenshot?.type ?? null,
      screenshotSha256: screenshot?.sha256 ?? null,
      contentSha256,
      legalHold: true,
      securedByUserId: scope.userId,
    });
    await this.history.record(itemId, 'inbox.evidence_secured', {
      evidenceId: inserted.identifiers[0]?.['id'],
      contentSha256,
      strafantragDeadline: strafantragDeadline(knowledgeDate),
      screenshot: screenshot !== null,
    });
    return this.views.detail(item);
  }

  async report(itemId: string, evidenceId: string): Promise<{ content: Buffer; fileName: string }> {
    const item = await this.items.find(itemId);
    const scope = RequestScope.organization();
    const manager = scope.tx.manager;
    const evidence = await manager
      .createQueryBuilder(InboxEvidenceEntity, 'e')
      .addSelect('e.screenshot')
      .where('e.id = :evidenceId AND e.item_id = :itemId AND e.organization_id = :organizationId', { evidenceId, itemId, organizationId: scope.organizationId })
      .getOne();
    if (!evidence) throw ProblemException.notFound('Diese Beweissicherung gibt es nicht.');
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: scope.organizationId });
    const channel = item.channelId ? await manager.findOneBy(ChannelEntity, { id: item.channelId }) : null;
    const people = await this.views.people([evidence.securedByUserId, scope.userId]);
    const content = await renderEvidenceReportPdf({
      organizationName: organization.name,
      itemId,
      channelName: channel?.name ?? null,
      category: item.category ? INBOX_CATEGORY_LABELS[item.category] : 'nicht kategorisiert',
      text: evidence.text,
      authorHandle: evidence.authorHandle,
      authorDisplayName: evidence.authorDisplayName,
      authorProfileUrl: evidence.authorProfileUrl,
      permalink: evidence.permalink,
      occurredAt: evidence.occurredAt,
      timeZone: evidence.timeZone,
      context: evidence.context,
      knowledgeDate: evidence.knowledgeDate,
      strafantragDeadline: strafantragDeadline(evidence.knowledgeDate),
      contentSha256: evidence.contentSha256,
      screenshot: evidence.screenshot && evidence.screenshotSha256 ? { bytes: evidence.screenshot, sha256: evidence.screenshotSha256 } : null,
      securedBy: people.get(evidence.securedByUserId)?.displayName ?? 'Unbekannte Person',
      securedAt: evidence.securedAt,
      generatedBy: people.get(scope.userId)?.displayName ?? 'Unbekannte Person',
      generatedAt: new Date(),
    });
    await this.audit.recordInOrganization({ action: 'inbox.evidence_exported', objectType: 'inbox_item', objectId: itemId, details: { evidenceId } });
    return { content, fileName: `beweissicherung-${evidence.knowledgeDate}-${evidenceId.slice(0, 8)}.pdf` };
  }
}

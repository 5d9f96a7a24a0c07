import { Injectable } from '@nestjs/common';
import type { CrisisDetectionView, DismissDetectionRequest } from '@amtsplan/contracts';
import { In, MoreThan } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { StaleVersionError } from '../database/stale-version.error';
import { updateVersioned } from '../database/versioned-update';
import { ProblemException } from '../http/problem.exception';
import { CrisisDetectionEntity } from './crisis-detection.entity';
import { PlaybookVersionEntity } from './playbook.entity';

/** Alerts older than this are not shown any more, whatever their state. */
const SHOWN_FOR_HOURS = 24;

/**
 * The „Möglicher Shitstorm“ alerts of the organization for the crisis page: the open ones of the
 * last day. A person dismisses one („Verwerfen“, audited) or declares the crisis from it, which
 * marks every open alert as declared with the incident.
 */
@Injectable()
export class CrisisDetectionsService {
  constructor(private readonly audit: AuditLog) {}

  async open(): Promise<CrisisDetectionView[]> {
    const { organizationId } = RequestScope.organization();
    const rows = await RequestScope.manager().find(CrisisDetectionEntity, {
      where: { organizationId, status: 'open', detectedAt: MoreThan(new Date(Date.now() - SHOWN_FOR_HOURS * 3_600_000)) },
      order: { detectedAt: 'DESC' },
      take: 10,
    });
    return this.views(rows);
  }

  async dismiss(id: string, request: DismissDetectionRequest): Promise<CrisisDetectionView> {
    const detection = await this.found(id);
    if (detection.version !== request.version) throw new StaleVersionError('crisis_detection', detection.version);
    if (detection.status !== 'open') throw ProblemException.unprocessable('Dieser Hinweis wurde schon bearbeitet.');
    const { userId } = RequestScope.organization();
    await updateVersioned(CrisisDetectionEntity, 'crisis_detection', id, request.version, { status: 'dismissed', decidedByUserId: userId, decidedAt: new Date() });
    await this.audit.recordInOrganization({ action: 'crisis_detection.dismissed', objectType: 'crisis_detection', objectId: id, details: { level: detection.suggestedLevel, reason: request.reason } });
    return (await this.views([await this.found(id)]))[0];
  }

  /** On a real declaration: the open alerts are answered by the incident. */
  async declared(incidentId: string): Promise<void> {
    const { organizationId, userId } = RequestScope.organization();
    await RequestScope.manager().update(
      CrisisDetectionEntity,
      { organizationId, status: 'open' },
      { status: 'declared', incidentId, decidedByUserId: userId, decidedAt: new Date(), version: () => 'version + 1' },
    );
  }

  private async found(id: string): Promise<CrisisDetectionEntity> {
    const { organizationId } = RequestScope.organization();
    const found = await RequestScope.manager().findOne(CrisisDetectionEntity, { where: { id, organizationId } });
    if (!found) throw ProblemException.notFound();
    return found;
  }

  private async views(rows: readonly CrisisDetectionEntity[]): Promise<CrisisDetectionView[]> {
    const { organizationId } = RequestScope.organization();
    const keyed = rows.filter((r) => r.playbookId && r.playbookVersionNumber !== null);
    const versions = keyed.length
      ? await RequestScope.manager().find(PlaybookVersionEntity, { where: { organizationId, playbookId: In(keyed.map((r) => r.playbookId as string)) }, select: { playbookId: true, number: true, content: true } })
      : [];
    return rows.map((r) => {
      const version = versions.find((v) => v.playbookId === r.playbookId && v.number === r.playbookVersionNumber);
      return {
        id: r.id,
        suggestedLevel: r.suggestedLevel,
        levelName: r.levelName,
        playbook: r.playbookId ? { id: r.playbookId, name: version?.content.name ?? 'Playbook', versionNumber: r.playbookVersionNumber } : null,
        windowMinutes: r.windowMinutes,
        channels: r.channels,
        detectedAt: r.detectedAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        status: r.status,
        incidentId: r.incidentId,
        version: r.version,
      };
    });
  }
}

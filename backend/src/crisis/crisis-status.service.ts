import { Injectable } from '@nestjs/common';
import type { CrisisStatusView } from '@amtsplan/contracts';
import { crisisLevelLabel } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { OrganizationEntity } from '../organizations/organization.entity';
import { IncidentRepository } from './incident.repository';

/** The open real incident and the Kommunikationsstopp, for the app shell's banner. */
@Injectable()
export class CrisisStatusService {
  constructor(private readonly incidents: IncidentRepository) {}

  async get(): Promise<CrisisStatusView> {
    const { organizationId } = RequestScope.organization();
    const org = await RequestScope.manager().findOneOrFail(OrganizationEntity, {
      where: { id: organizationId },
      select: { id: true, communicationStop: true, communicationStopSince: true, communicationStopReason: true },
    });
    const open = await this.incidents.open();
    return {
      incident: open ? { id: open.id, title: open.title, level: open.level, levelName: crisisLevelLabel(open.level, open.content.levels) } : null,
      stop: org.communicationStop ? { since: org.communicationStopSince?.toISOString() ?? null, reason: org.communicationStopReason } : null,
    };
  }
}

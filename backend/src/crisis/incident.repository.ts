import { Injectable } from '@nestjs/common';
import type { TimelineKind } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { UserEntity } from '../users/user.entity';
import { IncidentEntity, IncidentTimelineEntryEntity } from './incident.entity';

export type IncidentChanges = Partial<
  Pick<IncidentEntity, 'level' | 'status' | 'endedAt' | 'checklist' | 'contactsAlerted' | 'review' | 'reviewedAt' | 'drillStop' | 'ownerUserId'>
>;

/** Incidents (and drills) of the current request's organization with their timelines. */
@Injectable()
export class IncidentRepository {
  list(): Promise<IncidentEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(IncidentEntity, { where: { organizationId }, order: { declaredAt: 'DESC' } });
  }

  find(id: string): Promise<IncidentEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(IncidentEntity, { where: { id, organizationId } });
  }

  /** The open real incident (not a drill), newest first; the banner shows it. */
  open(): Promise<IncidentEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(IncidentEntity, {
      where: { organizationId, drill: false, status: In(['declared', 'active']) },
      order: { declaredAt: 'DESC' },
    });
  }

  async insert(values: Omit<IncidentEntity, 'id' | 'organizationId' | 'organization' | 'version' | 'endedAt' | 'reviewedAt' | 'review'>): Promise<string> {
    const { organizationId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(IncidentEntity, { ...values, id, organizationId } as never);
    return id;
  }

  update(id: string, version: number, changes: IncidentChanges): Promise<boolean> {
    return updateVersioned(IncidentEntity, 'incident', id, version, changes as Record<string, unknown>);
  }

  async addEntry(incidentId: string, kind: TimelineKind, text: string, details: Record<string, unknown> = {}, actor: 'person' | 'system' = 'person'): Promise<void> {
    const { organizationId, userId } = RequestScope.organization();
    await RequestScope.manager().insert(IncidentTimelineEntryEntity, {
      organizationId,
      incidentId,
      kind,
      text,
      details,
      actorUserId: actor === 'person' ? userId : null,
    } as never);
  }

  timeline(incidentId: string): Promise<IncidentTimelineEntryEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(IncidentTimelineEntryEntity, { where: { organizationId, incidentId }, order: { at: 'ASC' } });
  }

  async names(userIds: readonly (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (!ids.length) return new Map();
    const users = await RequestScope.manager().find(UserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

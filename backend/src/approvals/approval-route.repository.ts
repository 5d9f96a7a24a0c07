import { Injectable } from '@nestjs/common';
import type { ApprovalRoute } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { ApprovalRouteEntity } from './approval-route.entity';

export type ApprovalRouteColumns = Pick<ApprovalRouteEntity, 'name' | 'priority' | 'conditions' | 'steps'>;

export function toDomainRoute(route: ApprovalRouteEntity): ApprovalRoute {
  return { id: route.id, name: route.name, priority: route.priority, isDefault: route.isDefault, conditions: route.conditions, steps: route.steps };
}

/** Freigaberouten of the current request's organization. */
@Injectable()
export class ApprovalRouteRepository {
  /** Conditional routes by priority and name, the default route (the fallback) last. */
  list(): Promise<ApprovalRouteEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(ApprovalRouteEntity, { where: { organizationId }, order: { isDefault: 'ASC', priority: 'ASC', name: 'ASC' } });
  }

  find(id: string): Promise<ApprovalRouteEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ApprovalRouteEntity, { where: { id, organizationId } });
  }

  async create(values: ApprovalRouteColumns & { id?: string }): Promise<string> {
    const { organizationId } = RequestScope.organization();
    const id = values.id ?? randomUUID();
    await RequestScope.manager().insert(ApprovalRouteEntity, { ...values, id, organizationId, isDefault: false } as never);
    return id;
  }

  update(id: string, version: number, changes: Partial<ApprovalRouteColumns>): Promise<boolean> {
    return updateVersioned(ApprovalRouteEntity, 'approval_route', id, version, changes as Record<string, unknown>);
  }

  async remove(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().delete(ApprovalRouteEntity, { id, organizationId, isDefault: false });
  }
}

import { defaultApprovalRoute } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApprovalRouteEntity } from './approval-route.entity';
import { ApprovalSettingsEntity } from './approval-settings.entity';

/**
 * What every new organization starts with: the default route "Redaktion → Leitung"
 * (defaultApprovalRoute) and settings without self-approval or blackout periods. Runs in the
 * transaction creating the organization, also under the operator's scope, which may insert
 * these rows but not read them back: hence no RETURNING.
 */
export async function seedApprovalDefaults(manager: EntityManager, organizationId: string): Promise<void> {
  const route = defaultApprovalRoute(randomUUID());
  await manager
    .createQueryBuilder()
    .insert()
    .into(ApprovalRouteEntity)
    .values({
      id: route.id,
      organizationId,
      name: route.name,
      priority: route.priority,
      isDefault: true,
      conditions: route.conditions as never,
      steps: route.steps as never,
    })
    .updateEntity(false)
    .execute();
  await manager
    .createQueryBuilder()
    .insert()
    .into(ApprovalSettingsEntity)
    .values({ id: randomUUID(), organizationId, allowSelfApproval: false, electionBlackoutPeriods: [] as never })
    .updateEntity(false)
    .execute();
}

import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { RequestScope } from './request-scope';
import { StaleVersionError } from './stale-version.error';

/**
 * Optimistic locking for tenant objects: updates only when the stored version is the one the
 * client saw, and bumps it. Returns false when the object does not exist in this organization;
 * throws StaleVersionError (409) when it exists with another version.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  objectType: string,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const { organizationId } = RequestScope.organization();
  const manager = RequestScope.manager();
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('id = :id AND organization_id = :organizationId AND version = :expectedVersion', { id, organizationId, expectedVersion })
    .execute();
  if ((result.affected ?? 0) === 1) return true;
  const current = await manager
    .createQueryBuilder()
    .select('version')
    .from(entity, 'e')
    .where('e.id = :id AND e.organization_id = :organizationId', { id, organizationId })
    .getRawOne<{ version: number }>();
  if (!current) return false;
  throw new StaleVersionError(objectType, current.version);
}

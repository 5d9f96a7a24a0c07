import { Injectable } from '@nestjs/common';
import type { MembershipView } from '@amtsplan/contracts';
import type { OrganizationRole } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { MembershipEntity } from './membership.entity';

@Injectable()
export class MembershipRepository {
  /** A user's own memberships across organizations (row-level security allows own rows). */
  async listForUser(manager: EntityManager, userId: string): Promise<MembershipView[]> {
    const rows = await manager.find(MembershipEntity, {
      where: { userId },
      relations: { organization: true },
    });
    return rows
      .filter((m) => m.organization)
      .map((m) => ({ id: m.id, role: m.role, organization: { id: m.organizationId, name: m.organization!.name } }))
      .sort((a, b) => a.organization.name.localeCompare(b.organization.name, 'de'));
  }

  findForUserInOrganization(manager: EntityManager, organizationId: string, userId: string): Promise<MembershipEntity | null> {
    return manager.findOne(MembershipEntity, { where: { organizationId, userId } });
  }

  async create(manager: EntityManager, organizationId: string, userId: string, role: OrganizationRole): Promise<string> {
    const id = randomUUID();
    await manager.insert(MembershipEntity, { id, organizationId, userId, role });
    return id;
  }

  // The methods below work in the current request's organization only.

  list(): Promise<MembershipEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(MembershipEntity, {
      where: { organizationId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
  }

  find(id: string): Promise<MembershipEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(MembershipEntity, { where: { id, organizationId }, relations: { user: true } });
  }

  /** Locks the organization's memberships so that two admins cannot both demote the other last admin. */
  async lockAll(): Promise<MembershipEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager()
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.organization_id = :organizationId', { organizationId })
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Conditional on the version the client saw (409 when stale); false when there is no such member. */
  changeRole(id: string, expectedVersion: number, role: OrganizationRole): Promise<boolean> {
    return updateVersioned(MembershipEntity, 'membership', id, expectedVersion, { role });
  }

  async delete(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().delete(MembershipEntity, { id, organizationId });
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationRepository {
  current(): Promise<OrganizationEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(OrganizationEntity, { where: { id: organizationId } });
  }

  findById(manager: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return manager.findOne(OrganizationEntity, { where: { id } });
  }

  /** Operator scope only (row-level security refuses everyone else). */
  async create(manager: EntityManager, values: Pick<OrganizationEntity, 'name' | 'timeZone' | 'bundesland'>): Promise<OrganizationEntity> {
    const id = randomUUID();
    await manager.createQueryBuilder().insert().into(OrganizationEntity).values({ id, ...values }).updateEntity(false).execute();
    return (await this.findById(manager, id)) as OrganizationEntity;
  }

  listAll(manager: EntityManager): Promise<OrganizationEntity[]> {
    return manager.find(OrganizationEntity, { order: { name: 'ASC' } });
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { TopicEntity } from './topic.entity';

@Injectable()
export class TopicRepository {
  list(): Promise<TopicEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(TopicEntity, { where: { organizationId }, order: { name: 'ASC' } });
  }

  find(id: string): Promise<TopicEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(TopicEntity, { where: { id, organizationId } });
  }

  findByName(name: string): Promise<TopicEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(TopicEntity, { where: { name, organizationId } });
  }

  async create(values: Pick<TopicEntity, 'name' | 'color' | 'sensitive'>): Promise<TopicEntity> {
    const { organizationId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(TopicEntity, { id, organizationId, ...values });
    return (await this.find(id)) as TopicEntity;
  }

  update(id: string, version: number, changes: Partial<Pick<TopicEntity, 'name' | 'color' | 'sensitive'>>): Promise<boolean> {
    return updateVersioned(TopicEntity, 'topic', id, version, changes);
  }
}

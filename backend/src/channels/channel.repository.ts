import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { ChannelEntity } from './channel.entity';

@Injectable()
export class ChannelRepository {
  list(): Promise<ChannelEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(ChannelEntity, { where: { organizationId }, order: { name: 'ASC' } });
  }

  find(id: string): Promise<ChannelEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ChannelEntity, { where: { id, organizationId } });
  }

  findMany(ids: readonly string[]): Promise<ChannelEntity[]> {
    const { organizationId } = RequestScope.organization();
    return ids.length ? RequestScope.manager().find(ChannelEntity, { where: { id: In([...ids]), organizationId } }) : Promise.resolve([]);
  }

  async create(values: Pick<ChannelEntity, 'platform' | 'name' | 'handle' | 'color' | 'textLimit'>): Promise<ChannelEntity> {
    const { organizationId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(ChannelEntity, { id, organizationId, ...values });
    return (await this.find(id)) as ChannelEntity;
  }

  update(id: string, version: number, changes: Partial<Pick<ChannelEntity, 'name' | 'handle' | 'color' | 'active' | 'textLimit'>>): Promise<boolean> {
    return updateVersioned(ChannelEntity, 'channel', id, version, changes);
  }
}

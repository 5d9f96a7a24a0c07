import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** Users are installation-wide; callers pass the transaction they work in. */
@Injectable()
export class UserRepository {
  findByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { email } });
  }

  findById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  async create(
    manager: EntityManager,
    user: Pick<UserEntity, 'email' | 'displayName' | 'passwordHash'> & Partial<Pick<UserEntity, 'isOperator' | 'locale'>>,
  ): Promise<UserEntity> {
    const id = randomUUID();
    await manager.insert(UserEntity, { id, locale: 'de', isOperator: false, ...user });
    return (await this.findById(manager, id)) as UserEntity;
  }

  async setLocale(manager: EntityManager, id: string, locale: 'de' | 'en'): Promise<void> {
    await manager.update(UserEntity, { id }, { locale, version: () => 'version + 1' });
  }
}

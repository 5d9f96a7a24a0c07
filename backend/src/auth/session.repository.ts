import { Injectable } from '@nestjs/common';
import { EntityManager, LessThan } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionRepository {
  async create(manager: EntityManager, tokenHash: string, userId: string, userAgent: string | null): Promise<void> {
    const now = new Date();
    await manager.insert(SessionEntity, { tokenHash, userId, createdAt: now, lastSeenAt: now, userAgent });
  }

  async findWithUser(manager: EntityManager, tokenHash: string): Promise<{ session: SessionEntity; user: UserEntity } | null> {
    // One joined statement: findOne with a relation would first select the id, then the row (every request passes here).
    const session = await manager
      .createQueryBuilder(SessionEntity, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .getOne();
    return session?.user ? { session, user: session.user } : null;
  }

  async touch(manager: EntityManager, tokenHash: string, at: Date): Promise<void> {
    await manager.update(SessionEntity, { tokenHash }, { lastSeenAt: at });
  }

  async delete(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.delete(SessionEntity, { tokenHash });
  }

  /** Idle-expired sessions are deleted by the maintenance job; absolute expiry implies idle expiry here. */
  async deleteIdleSince(manager: EntityManager, cutoff: Date): Promise<number> {
    const result = await manager.delete(SessionEntity, { lastSeenAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  async deleteCreatedBefore(manager: EntityManager, cutoff: Date): Promise<number> {
    const result = await manager.delete(SessionEntity, { createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}

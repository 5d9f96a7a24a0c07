import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { InvitationEntity } from './invitation.entity';

export interface NewInvitation {
  readonly organizationId: string;
  readonly email: string;
  readonly role: OrganizationRole;
  readonly tokenHash: string;
  readonly invitedByUserId: string | null;
  readonly expiresAt: Date;
}

@Injectable()
export class InvitationRepository {
  /** No RETURNING: the operator may create an invitation it is not allowed to read back. */
  async create(manager: EntityManager, invitation: NewInvitation): Promise<string> {
    const id = randomUUID();
    await manager.createQueryBuilder().insert().into(InvitationEntity).values({ id, ...invitation }).updateEntity(false).execute();
    return id;
  }

  /** Locks the row so that one link cannot be accepted twice concurrently. */
  findByTokenHashForUpdate(manager: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return manager
      .createQueryBuilder(InvitationEntity, 'i')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  findByTokenHash(manager: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return manager.findOne(InvitationEntity, { where: { tokenHash } });
  }

  findInOrganization(manager: EntityManager, organizationId: string, id: string): Promise<InvitationEntity | null> {
    return manager.findOne(InvitationEntity, { where: { id, organizationId } });
  }

  async markAccepted(manager: EntityManager, id: string, userId: string, at: Date): Promise<boolean> {
    const result = await manager.update(
      InvitationEntity,
      { id, acceptedAt: IsNull(), revokedAt: IsNull() },
      { acceptedAt: at, acceptedByUserId: userId },
    );
    return (result.affected ?? 0) === 1;
  }

  // The methods below work in the current request's organization only.

  list(): Promise<InvitationEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(InvitationEntity, { where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  find(id: string): Promise<InvitationEntity | null> {
    return this.findInOrganization(RequestScope.manager(), RequestScope.organization().organizationId, id);
  }

  async revokePendingFor(email: string, at: Date): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().update(
      InvitationEntity,
      { organizationId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: at },
    );
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const result = await RequestScope.manager().update(
      InvitationEntity,
      { id, organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: at },
    );
    return (result.affected ?? 0) === 1;
  }
}

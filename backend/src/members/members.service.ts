import { Injectable } from '@nestjs/common';
import type { ChangeMemberRoleRequest, Member } from '@amtsplan/contracts';
import { refuseMembershipChange } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { StaleVersionError } from '../database/stale-version.error';
import { ProblemException } from '../http/problem.exception';
import { MembershipEntity } from './membership.entity';
import { MembershipRepository } from './membership.repository';

@Injectable()
export class MembersService {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<Member[]> {
    return (await this.memberships.list()).map(toMember);
  }

  async changeRole(memberId: string, change: ChangeMemberRoleRequest): Promise<Member> {
    const all = await this.memberships.lockAll();
    const target = all.find((m) => m.id === memberId);
    if (!target) throw ProblemException.notFound();
    if (target.version !== change.version) throw new StaleVersionError('membership', target.version);
    this.refuseLastAdminChange(all, memberId, change.role);
    if (!(await this.memberships.changeRole(memberId, change.version, change.role))) throw ProblemException.notFound();
    await this.audit.recordInOrganization({
      action: 'membership.role_changed',
      objectType: 'membership',
      objectId: memberId,
      details: { userId: target.userId, from: target.role, to: change.role },
    });
    return toMember((await this.memberships.find(memberId)) as MembershipEntity);
  }

  async remove(memberId: string): Promise<void> {
    const all = await this.memberships.lockAll();
    const target = all.find((m) => m.id === memberId);
    if (!target) throw ProblemException.notFound();
    this.refuseLastAdminChange(all, memberId, 'removed');
    await this.memberships.delete(memberId);
    await this.audit.recordInOrganization({
      action: 'membership.removed',
      objectType: 'membership',
      objectId: memberId,
      details: { userId: target.userId, role: target.role },
    });
  }

  private refuseLastAdminChange(all: MembershipEntity[], memberId: string, newRole: Parameters<typeof refuseMembershipChange>[2]): void {
    const refusal = refuseMembershipChange(all.map((m) => ({ memberId: m.id, role: m.role })), memberId, newRole);
    if (refusal === 'last-admin') {
      throw ProblemException.unprocessable('Die Behörde braucht mindestens eine Person mit der Rolle Administration.');
    }
  }
}

function toMember(m: MembershipEntity): Member {
  return {
    id: m.id,
    user: { id: m.userId, email: m.user?.email ?? '', displayName: m.user?.displayName ?? '' },
    role: m.role,
    version: m.version,
    joinedAt: m.createdAt.toISOString(),
  };
}

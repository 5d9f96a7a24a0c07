import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { RequestScope } from '../database/request-scope';
import { MembershipEntity } from '../members/membership.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';
import { ApprovalRequestEntity } from './approval-request.entity';

export interface StoredAttempt {
  readonly requestId: string;
  readonly channelId: string;
  readonly attemptNo: number;
  readonly startedAt: Date;
  readonly outcome: string | null;
  readonly url: string | null;
  readonly error: string | null;
}

/** What the Freigabeprotokoll reads beyond the requests themselves, in the request's organization. */
@Injectable()
export class ApprovalProtocolRepository {
  /** Every request of the post, newest first. */
  requestsOf(postId: string): Promise<ApprovalRequestEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(ApprovalRequestEntity, { where: { postId, organizationId }, order: { submittedAt: 'DESC' } });
  }

  async organization(): Promise<{ name: string; timeZone: string }> {
    const { organizationId } = RequestScope.organization();
    const found = await RequestScope.manager().findOneOrFail(OrganizationEntity, { where: { id: organizationId }, select: { name: true, timeZone: true } });
    return { name: found.name, timeZone: found.timeZone };
  }

  /** Display names of the people named, and their role in this organization today (none once they left). */
  async people(userIds: readonly string[]): Promise<Map<string, { name: string; role: MembershipEntity['role'] | null }>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const users = await manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } });
    const memberships = await manager.find(MembershipEntity, { where: { organizationId, userId: In(ids) }, select: { userId: true, role: true } });
    const roles = new Map(memberships.map((m) => [m.userId, m.role]));
    return new Map(users.map((u) => [u.id, { name: u.displayName, role: roles.get(u.id) ?? null }]));
  }

  async channelNames(channelIds: readonly string[]): Promise<Map<string, string>> {
    if (channelIds.length === 0) return new Map();
    const { organizationId } = RequestScope.organization();
    const channels = await RequestScope.manager().find(ChannelEntity, { where: { organizationId, id: In([...new Set(channelIds)]) }, select: { id: true, name: true } });
    return new Map(channels.map((c) => [c.id, c.name]));
  }

  /** Publish attempts made on the strength of these requests, in order. */
  attemptsOf(requestIds: readonly string[]): Promise<StoredAttempt[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().query(
      `SELECT u.approval_request_id AS "requestId", a.channel_id AS "channelId", a.attempt_no AS "attemptNo", a.started_at AS "startedAt",
              a.outcome, a.url, a.error
         FROM publish_attempts a JOIN publications u ON u.id = a.publication_id AND u.organization_id = a.organization_id
        WHERE a.organization_id = $1 AND u.approval_request_id = ANY($2::uuid[])
        ORDER BY a.started_at, a.attempt_no`,
      [organizationId, [...requestIds]],
    );
  }
}

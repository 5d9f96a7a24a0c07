import { Module } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionRepository } from '../auth/session.repository';
import { Sessions } from '../auth/sessions';
import { DatabaseModule } from '../database/database.module';
import { InvitationRepository } from '../invitations/invitation.repository';
import { MembershipRepository } from '../members/membership.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { JobQueue } from '../queues/job-queue';
import { RedisModule } from '../redis/redis.module';
import { UserRepository } from '../users/user.repository';

const SHARED = [
  AuditLog,
  PasswordHasher,
  SessionRepository,
  Sessions,
  UserRepository,
  MembershipRepository,
  OrganizationRepository,
  InvitationRepository,
  JobQueue,
];

/** What both entry points share: database, Redis, queues and the repositories. */
@Module({
  imports: [DatabaseModule, RedisModule],
  providers: SHARED,
  exports: [...SHARED, DatabaseModule, RedisModule],
})
export class CoreModule {}

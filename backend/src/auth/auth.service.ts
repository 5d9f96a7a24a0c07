import { Injectable } from '@nestjs/common';
import type { LoginRequest, MeResponse } from '@amtsplan/contracts';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { UserRepository } from '../users/user.repository';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { Sessions } from './sessions';

export interface ClientInfo {
  readonly ip: string;
  readonly userAgent: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
  ) {}

  /** Returns the new session token and the user's view; the same answer for unknown user and wrong password. */
  async login(request: LoginRequest, client: ClientInfo): Promise<{ token: string; me: MeResponse }> {
    const wait = await this.throttle.retryAfter(request.email, client.ip);
    if (wait > 0) throw ProblemException.tooManyRequests(wait);

    const outcome = await this.database.transaction({}, async ({ manager }) => {
      const user = await this.users.findByEmail(manager, request.email);
      const valid = await this.hasher.verify(user?.passwordHash ?? null, request.password);
      if (!user || !valid) {
        await this.audit.record(manager, {
          action: 'auth.login_failed',
          organizationId: null,
          actorUserId: user?.id ?? null,
          details: { email: request.email },
          ip: client.ip,
        });
        return null;
      }
      const token = await this.sessions.start(manager, user.id, client.userAgent);
      await this.audit.record(manager, { action: 'auth.login', organizationId: null, actorUserId: user.id, objectType: 'user', objectId: user.id, ip: client.ip });
      return { token, userId: user.id };
    });

    if (!outcome) {
      await this.throttle.recordFailure(request.email, client.ip);
      throw new ProblemException({
        type: 'urn:amtsplan:problem:invalid-credentials',
        title: 'Anmeldung fehlgeschlagen',
        status: 401,
        detail: 'E-Mail-Adresse oder Passwort ist falsch.',
      });
    }
    await this.throttle.recordSuccess(request.email, client.ip);
    return { token: outcome.token, me: await this.me(outcome.userId) };
  }

  async logout(tokenHash: string, userId: string, ip: string): Promise<void> {
    await this.database.transaction({ userId }, async ({ manager }) => {
      await this.sessions.end(manager, tokenHash);
      await this.audit.record(manager, { action: 'auth.logout', organizationId: null, actorUserId: userId, ip });
    });
  }

  me(userId: string): Promise<MeResponse> {
    return this.database.transaction({ userId }, (tx) => this.meIn(tx.manager, userId));
  }

  async meIn(manager: EntityManager, userId: string): Promise<MeResponse> {
    const user = await this.users.findById(manager, userId);
    if (!user) throw ProblemException.unauthenticated();
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, isOperator: user.isOperator },
      memberships: await this.memberships.listForUser(manager, userId),
    };
  }

  async setLocale(userId: string, locale: 'de' | 'en'): Promise<MeResponse> {
    return this.database.transaction({ userId }, async ({ manager }) => {
      await this.users.setLocale(manager, userId, locale);
      return this.meIn(manager, userId);
    });
  }
}

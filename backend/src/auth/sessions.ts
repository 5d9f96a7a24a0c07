import { Injectable } from '@nestjs/common';
import { DEFAULT_SESSION_TIMEOUTS, sessionState, SessionTimeoutPolicy } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database';
import { RequestAuth } from './request-auth';
import { SessionRepository } from './session.repository';
import { hashToken, newSessionToken } from './session-token';

/** Writing last_seen_at on every request would serialise a busy user's requests; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ResolvedSession {
  readonly auth: RequestAuth;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
}

@Injectable()
export class Sessions {
  readonly policy: SessionTimeoutPolicy = DEFAULT_SESSION_TIMEOUTS;

  constructor(
    private readonly database: Database,
    private readonly repository: SessionRepository,
  ) {}

  /** A new random id on every login (no session fixation); returns the cookie value. */
  async start(manager: EntityManager, userId: string, userAgent: string | null): Promise<string> {
    const token = newSessionToken();
    await this.repository.create(manager, hashToken(token), userId, userAgent?.slice(0, 300) ?? null);
    return token;
  }

  /** The session's user, or null when unknown or expired (expired ones are deleted). */
  async resolve(token: string, now = new Date()): Promise<RequestAuth | null> {
    return (await this.resolveSession(hashToken(token), now))?.auth ?? null;
  }

  /** Like resolve, with the session's times (for the api's access cache). */
  async resolveSession(tokenHash: string, now = new Date()): Promise<ResolvedSession | null> {
    return this.database.transaction({}, async ({ manager }) => {
      const found = await this.repository.findWithUser(manager, tokenHash);
      if (!found) return null;
      if (sessionState(found.session, now, this.policy) !== 'active') {
        await this.repository.delete(manager, tokenHash);
        return null;
      }
      let lastSeenAt = found.session.lastSeenAt;
      if (this.needsTouch(lastSeenAt, now)) {
        await this.repository.touch(manager, tokenHash, now);
        lastSeenAt = now;
      }
      const { id, email, displayName, locale, isOperator } = found.user;
      return { auth: { tokenHash, user: { id, email, displayName, locale, isOperator } }, createdAt: found.session.createdAt, lastSeenAt };
    });
  }

  /** Whether last_seen_at is due to be written (once a minute); a cached session must then be looked up again. */
  needsTouch(lastSeenAt: Date, now: Date): boolean {
    return now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS;
  }

  async end(manager: EntityManager, tokenHash: string): Promise<void> {
    await this.repository.delete(manager, tokenHash);
  }

  async purgeExpired(now = new Date()): Promise<number> {
    return this.database.transaction({}, async ({ manager }) => {
      const idle = await this.repository.deleteIdleSince(manager, new Date(now.getTime() - this.policy.idleMs));
      const old = await this.repository.deleteCreatedBefore(manager, new Date(now.getTime() - this.policy.absoluteMs));
      return idle + old;
    });
  }
}

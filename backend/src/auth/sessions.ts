import { Injectable } from '@nestjs/common';
import { DEFAULT_SESSION_TIMEOUTS, sessionState, SessionTimeoutPolicy } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database';
import { RequestAuth } from './request-auth';
import { SessionRepository } from './session.repository';
import { hashToken, newSessionToken } from './session-token';

/** Writing last_seen_at on every request would serialise a busy user's requests; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

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
    const tokenHash = hashToken(token);
    return this.database.transaction({}, async ({ manager }) => {
      const found = await this.repository.findWithUser(manager, tokenHash);
      if (!found) return null;
      if (sessionState(found.session, now, this.policy) !== 'active') {
        await this.repository.delete(manager, tokenHash);
        return null;
      }
      if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await this.repository.touch(manager, tokenHash, now);
      }
      const { id, email, displayName, locale, isOperator } = found.user;
      return { tokenHash, user: { id, email, displayName, locale, isOperator } };
    });
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

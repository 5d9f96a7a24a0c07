import { Injectable } from '@nestjs/common';
import { sessionState } from '@amtsplan/domain';
import type { RequestAuth } from '../auth/request-auth';
import { hashToken } from '../auth/session-token';
import { Sessions } from '../auth/sessions';
import { AccessCache } from './access-cache';

/**
 * The api's session lookup: from the access cache while the session is active and its
 * last_seen_at is fresh, otherwise from PostgreSQL (which also touches and expires it).
 */
@Injectable()
export class CachedSessions {
  constructor(
    private readonly sessions: Sessions,
    private readonly cache: AccessCache,
  ) {}

  async resolve(token: string, now = new Date()): Promise<RequestAuth | null> {
    const tokenHash = hashToken(token);
    const known = this.known(tokenHash, now);
    if (known) return known;
    const since = this.cache.generation.current;
    const resolved = await this.sessions.resolveSession(tokenHash, now);
    if (resolved) this.cache.rememberSession(tokenHash, resolved, since);
    return resolved?.auth ?? null;
  }

  /** The session from the cache alone, if it may be used without asking the database. */
  known(tokenHash: string, now = new Date()): RequestAuth | null {
    const cached = this.cache.session(tokenHash);
    if (!cached || sessionState(cached, now, this.sessions.policy) !== 'active' || this.sessions.needsTouch(cached.lastSeenAt, now)) return null;
    return cached.auth;
  }
}

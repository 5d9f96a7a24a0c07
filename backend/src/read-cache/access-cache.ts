import { Injectable } from '@nestjs/common';
import type { OrganizationRole } from '@amtsplan/domain';
import { LRUCache } from 'lru-cache';
import type { ResolvedSession } from '../auth/sessions';
import { ChangeFeed } from './change-feed';
import { Generation } from './generation';

export interface CachedMembership {
  readonly id: string;
  readonly role: OrganizationRole;
}

/**
 * Sessions and memberships this process has resolved, so that a busy reader is not looked up
 * in PostgreSQL on every request. Positive answers only (an unknown session or a non-member
 * always goes to the database). Any committed change to sessions, users or memberships – in
 * any process – empties the cache (ChangeFeed, channel amtsplan_access); so does every write
 * request of this process (AccessCache.forgetAll from the api's write hook).
 */
@Injectable()
export class AccessCache {
  private readonly sessions = new LRUCache<string, ResolvedSession>({ max: 20_000 });
  private readonly memberships = new LRUCache<string, CachedMembership>({ max: 50_000 });
  readonly generation = new Generation();

  constructor(private readonly feed: ChangeFeed) {
    feed.subscribe((change) => {
      if (change === 'lost' || change.kind === 'access') this.forgetAll();
    });
  }

  session(tokenHash: string): ResolvedSession | undefined {
    return this.feed.live ? this.sessions.get(tokenHash) : undefined;
  }

  /** `since` is the generation read before the database was asked; a change in between drops the answer. */
  rememberSession(tokenHash: string, session: ResolvedSession, since: number): void {
    if (this.feed.live && this.generation.unchangedSince(since)) this.sessions.set(tokenHash, session);
  }

  membership(userId: string, organizationId: string): CachedMembership | undefined {
    return this.feed.live ? this.memberships.get(`${userId}/${organizationId}`) : undefined;
  }

  rememberMembership(userId: string, organizationId: string, membership: CachedMembership, since: number): void {
    if (this.feed.live && this.generation.unchangedSince(since)) this.memberships.set(`${userId}/${organizationId}`, membership);
  }

  forgetAll(): void {
    this.generation.advance();
    this.sessions.clear();
    this.memberships.clear();
  }
}

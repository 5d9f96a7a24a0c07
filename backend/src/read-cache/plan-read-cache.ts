import { Injectable } from '@nestjs/common';
import type { Permission } from '@amtsplan/domain';
import { LRUCache } from 'lru-cache';
import { gzipSync } from 'node:zlib';
import { ChangeFeed } from './change-feed';
import { Generation } from './generation';

/** A serialized answer, plain and gzip-compressed (compressed once, sent many times). */
export interface CachedAnswer {
  readonly plain: Buffer;
  readonly gzip: Buffer;
  /** What the route requires (@RequirePermission): a member must hold it to be served. */
  readonly permission: Permission | undefined;
}

/** Serialized answers of the plan's reads, per organization and request URL. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

/**
 * The calendar's reads (`GET …/plan-entries`) as ready-to-send JSON, served by CachedReadLane. The answer does not
 * depend on who asks (every member with `posts.read` sees the same plan), so one entry serves
 * all members of an organization. An organization's entries are dropped when any of its posts or
 * variants changes – a trigger notifies on commit (channel amtsplan_plan) – and all entries
 * when this process writes anything or the change feed is interrupted.
 */
@Injectable()
export class PlanReadCache {
  private readonly answers = new LRUCache<string, CachedAnswer>({
    max: MAX_ENTRIES,
    maxSize: MAX_BYTES,
    sizeCalculation: (answer) => answer.plain.length + answer.gzip.length + 200,
    dispose: (_body, k, reason) => {
      if (reason === 'evict') this.keysByOrganization.get(organizationOf(k))?.delete(k);
    },
  });
  private readonly keysByOrganization = new Map<string, Set<string>>();
  readonly generation = new Generation();

  constructor(private readonly feed: ChangeFeed) {
    feed.subscribe((change) => {
      if (change === 'lost') this.forgetAll();
      else if (change.kind === 'plan') this.forgetOrganization(change.organizationId);
    });
  }

  answer(organizationId: string, url: string): CachedAnswer | undefined {
    return this.feed.live ? this.answers.get(key(organizationId, url)) : undefined;
  }

  /** The answer to send now; kept for later if nothing changed since `since`. */
  remember(organizationId: string, url: string, value: unknown, permission: Permission | undefined, since: number): CachedAnswer {
    const plain = Buffer.from(JSON.stringify(value));
    const answer = { plain, gzip: gzipSync(plain), permission };
    if (!this.feed.live || !this.generation.unchangedSince(since)) return answer;
    const k = key(organizationId, url);
    this.answers.set(k, answer);
    let keys = this.keysByOrganization.get(organizationOf(k));
    if (!keys) this.keysByOrganization.set(organizationOf(k), (keys = new Set()));
    keys.add(k);
    return answer;
  }

  forgetOrganization(organizationId: string): void {
    this.generation.advance();
    const keys = this.keysByOrganization.get(organizationId.toLowerCase());
    this.keysByOrganization.delete(organizationId.toLowerCase());
    for (const k of keys ?? []) this.answers.delete(k);
  }

  forgetAll(): void {
    this.generation.advance();
    this.answers.clear();
    this.keysByOrganization.clear();
  }
}

function organizationOf(k: string): string {
  return k.slice(0, k.indexOf(' '));
}

function key(organizationId: string, url: string): string {
  return `${organizationId.toLowerCase()} ${url}`;
}

import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RedisConnection } from '../redis/redis.module';

/**
 * Brute-force protection that cannot lock a person out for good:
 * - per e-mail address *and* client IP: 5 failures in 15 minutes block that pair for 15 minutes,
 *   so an attacker elsewhere cannot lock out the real user on their own network;
 * - per client IP: 50 failures in an hour block the IP for an hour (password spraying).
 * Blocks expire on their own; a successful login clears the pair's counter.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccountAndIp: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(redis: RedisConnection) {
    const storeClient = redis.client;
    this.perAccountAndIp = new RateLimiterRedis({ storeClient, keyPrefix: 'login-fail:account-ip', points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
    this.perIp = new RateLimiterRedis({ storeClient, keyPrefix: 'login-fail:ip', points: 50, duration: 60 * 60, blockDuration: 60 * 60 });
  }

  /** Seconds until the next attempt is allowed, or 0. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const [pair, address] = await Promise.all([this.perAccountAndIp.get(pairKey(email, ip)), this.perIp.get(ip)]);
    return Math.max(blockedFor(pair, 5), blockedFor(address, 50));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.perAccountAndIp.penalty(pairKey(email, ip)).then(() => this.blockIfExceeded(this.perAccountAndIp, pairKey(email, ip), 5)),
      this.perIp.penalty(ip).then(() => this.blockIfExceeded(this.perIp, ip, 50)),
    ]);
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.perAccountAndIp.delete(pairKey(email, ip));
  }

  private async blockIfExceeded(limiter: RateLimiterRedis, key: string, points: number): Promise<void> {
    const state = await limiter.get(key);
    if (state && state.consumedPoints >= points) await limiter.block(key, limiter.blockDuration);
  }
}

function pairKey(email: string, ip: string): string {
  return `${email}|${ip}`;
}

function blockedFor(state: RateLimiterRes | null, points: number): number {
  if (!state || state.consumedPoints < points) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

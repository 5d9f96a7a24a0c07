import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP ASVS 2.4 minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** Verified against when the account does not exist, so both cases take the same time. */
  private dummyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? (await (this.dummyHash ??= argon2.hash('kein Konto', ARGON2_OPTIONS))), password);
      return hash !== null && ok;
    } catch {
      return false;
    }
  }
}

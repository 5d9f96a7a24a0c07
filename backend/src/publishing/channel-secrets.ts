import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a secret with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). `context` is
 * authenticated but not stored (e.g. `channel:<id>`), so a sealed token copied to another
 * channel's row does not open there.
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Opens what sealSecret sealed with the same key and context; throws on any tampering. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  const [format, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (format !== FORMAT || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new Error('Unknown sealed secret format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** Channel access tokens at rest, with the key from CHANNEL_SECRET_KEY. */
@Injectable()
export class ChannelSecrets {
  private readonly key: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = config.channelSecretKey;
  }

  get available(): boolean {
    return this.key !== undefined;
  }

  seal(channelId: string, token: string): string {
    return sealSecret(this.requireKey(), token, `channel:${channelId}`);
  }

  open(channelId: string, sealed: string): string {
    return openSecret(this.requireKey(), sealed, `channel:${channelId}`);
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error('CHANNEL_SECRET_KEY is not set');
    return this.key;
  }
}

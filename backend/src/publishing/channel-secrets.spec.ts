import { openSecret, sealSecret } from './channel-secrets';

const key = Buffer.alloc(32, 1);

describe('channel secrets (AES-256-GCM)', () => {
  it('opens what it sealed, with a fresh IV each time and without the plaintext in the stored form', () => {
    const first = sealSecret(key, 'geheimes-token-ä', 'channel:a');
    const second = sealSecret(key, 'geheimes-token-ä', 'channel:a');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(first).not.toContain('geheim');
    expect(openSecret(key, first, 'channel:a')).toBe('geheimes-token-ä');
  });

  it('refuses another key, another channel, or a changed ciphertext', () => {
    const sealed = sealSecret(key, 'token', 'channel:a');
    expect(() => openSecret(Buffer.alloc(32, 2), sealed, 'channel:a')).toThrow();
    expect(() => openSecret(key, sealed, 'channel:b')).toThrow();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret(key, [...parts.slice(0, 3), flipped.toString('base64url')].join('.'), 'channel:a')).toThrow();
    expect(() => openSecret(key, 'v2.a.b.c', 'channel:a')).toThrow('Unknown sealed secret format');
  });

  it('needs a 32-byte key', () => {
    expect(() => sealSecret(Buffer.alloc(16), 'token', 'x')).toThrow('32-byte key');
  });
});

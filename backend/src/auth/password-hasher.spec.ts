import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at ASVS parameters', async () => {
    const hash = await hasher.hash('ein langes Passwort');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hasher.verify(hash, 'ein langes Passwort')).toBe(true);
    expect(await hasher.verify(hash, 'ein falsches Passwort')).toBe(false);
  });

  it('never accepts a missing hash', async () => {
    expect(await hasher.verify(null, 'irgendwas')).toBe(false);
  });
});

import { ConfigError, loadAppConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://app@db:5432/amtsplan',
  REDIS_URL: 'redis://redis:6379',
  APP_ORIGIN: 'https://amtsplan.musterstadt.de',
  SESSION_SECRET: 'x'.repeat(32),
};

describe('loadAppConfig', () => {
  it('applies defaults', () => {
    const config = loadAppConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.env).toBe('development');
    expect(config.secureCookies).toBe(true);
    expect(config.apiDocs).toBe(true);
  });

  it('names every invalid variable', () => {
    try {
      loadAppConfig({ ...valid, PORT: 'abc', REDIS_URL: 'http://x', NODE_ENV: 'prod' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('REDIS_URL');
      expect(message).toContain('NODE_ENV');
    }
  });

  it('names missing required variables', () => {
    expect(() => loadAppConfig({})).toThrow(/DATABASE_URL[\s\S]*REDIS_URL[\s\S]*APP_ORIGIN[\s\S]*SESSION_SECRET/);
  });

  it('refuses plain http in production except on localhost', () => {
    expect(() => loadAppConfig({ ...valid, NODE_ENV: 'production', APP_ORIGIN: 'http://amtsplan.de' })).toThrow('https');
    const local = loadAppConfig({ ...valid, NODE_ENV: 'production', APP_ORIGIN: 'http://localhost:3000' });
    expect(local.secureCookies).toBe(false);
    expect(local.apiDocs).toBe(false);
  });

  it('rejects a short session secret', () => {
    expect(() => loadAppConfig({ ...valid, SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET');
  });

  it('reads the channel secret key as 32 bytes and the publishing limits', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadAppConfig({ ...valid, CHANNEL_SECRET_KEY: key, PUBLISH_MISSED_AFTER_MINUTES: '30' });
    expect(config.channelSecretKey).toEqual(Buffer.alloc(32, 7));
    expect(config.publishMissedAfterMs).toBe(30 * 60_000);
    expect(config.publishRequestTimeoutMs).toBe(30_000);
    const defaults = loadAppConfig(valid);
    expect(defaults.channelSecretKey).toBeUndefined();
    expect(defaults.publishMissedAfterMs).toBe(2 * 60 * 60_000);
  });

  it('refuses a channel secret key that is not 32 bytes of base64', () => {
    expect(() => loadAppConfig({ ...valid, CHANNEL_SECRET_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/CHANNEL_SECRET_KEY: erwartet 32 zufällige Bytes/);
    expect(() => loadAppConfig({ ...valid, CHANNEL_SECRET_KEY: 'kein base64!'.repeat(4) })).toThrow('CHANNEL_SECRET_KEY');
  });
});

import { channelFits, suitsPlatform } from './channel-suitability';

describe('channel suitability', () => {
  const long = { sie: 'a'.repeat(290), du: null };

  it('measures each written form against each platform with the platform rules', () => {
    const fits = channelFits(long, ['x', 'mastodon']);
    expect(fits.map((f) => [f.platform, f.form, f.over])).toEqual([
      ['x', 'sie', true],
      ['mastodon', 'sie', false],
    ]);
    expect(fits[0].message).toContain('Zu lang für X');
  });

  it('counts placeholders with typical values (a link counts as 23 on X)', () => {
    const [fit] = channelFits({ sie: '{{link}}', du: null }, ['x']);
    expect(fit.used).toBe(23);
  });

  it('offers a block only on suitable platforms where it fits', () => {
    expect(suitsPlatform(long, [], 'mastodon')).toBe(true);
    expect(suitsPlatform(long, [], 'x')).toBe(false);
    expect(suitsPlatform({ sie: 'kurz', du: null }, ['facebook'], 'mastodon')).toBe(false);
  });
});

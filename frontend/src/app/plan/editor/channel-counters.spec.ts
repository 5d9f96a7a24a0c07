import { channelCounters } from './channel-counters';

const bluesky = { id: 'b', name: 'Bluesky Stadt', platform: 'bluesky' as const, textLimit: null };
const mastodon = { id: 'm', name: 'Mastodon Stadt', platform: 'mastodon' as const, textLimit: 1000 };
const website = { id: 'w', name: 'Website', platform: 'website' as const, textLimit: null };

describe('channel counters', () => {
  it('counts the common text against each channel limit', () => {
    const [counter] = channelCounters('Hallo 👋🏽', [{ channel: bluesky, override: null }]);

    expect(counter).toMatchObject({ platformLabel: 'Bluesky', used: 7, limit: 300, remaining: 293, over: false, near: false });
  });

  it('warns near the limit and turns over it', () => {
    const near = channelCounters('x'.repeat(280), [{ channel: bluesky, override: null }])[0];
    const over = channelCounters('x'.repeat(301), [{ channel: bluesky, override: null }])[0];

    expect(near).toMatchObject({ near: true, over: false, remaining: 20 });
    expect(over).toMatchObject({ near: false, over: true, remaining: -1 });
  });

  it('uses a channel text where one is set and the instance limit of Mastodon', () => {
    const counters = channelCounters('kurz', [
      { channel: bluesky, override: 'y'.repeat(400) },
      { channel: mastodon, override: 'z'.repeat(600) },
    ]);

    expect(counters[0]).toMatchObject({ used: 400, over: true });
    expect(counters[1]).toMatchObject({ used: 600, limit: 1000, over: false });
  });

  it('has no limit for the own website', () => {
    expect(channelCounters('Text', [{ channel: website, override: null }])[0]).toMatchObject({ limit: null, remaining: null, over: false });
  });
});

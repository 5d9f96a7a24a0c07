import { blocksApproval, checkPost, type PostSnapshot } from './post-checks';

const image = (id: string, altText: string | null = 'Rathaus im Schnee') => ({ id, altText });
const post = (overrides: Partial<PostSnapshot>): PostSnapshot => ({ text: 'Sitzung am Dienstag.', variants: [], images: [], ...overrides });

describe('checkPost', () => {
  it('finds nothing in a clean post', () => {
    const findings = checkPost(post({ variants: [{ channelId: 'fb', platform: 'facebook' }], images: [image('1')] }));
    expect(findings).toEqual([]);
    expect(blocksApproval(findings)).toBe(false);
  });

  it('blocks Instagram without an image', () => {
    const findings = checkPost(post({ variants: [{ channelId: 'ig', platform: 'instagram' }] }));
    expect(findings).toEqual([
      {
        code: 'image-required',
        severity: 'hard',
        channelId: 'ig',
        platform: 'instagram',
        message: 'Instagram braucht mindestens ein Bild.',
        detail: { count: 0, limit: 1 },
      },
    ]);
    expect(blocksApproval(findings)).toBe(true);
  });

  it('blocks over-long text per channel, using each channel’s own text', () => {
    const findings = checkPost(
      post({
        text: 'a'.repeat(400),
        variants: [
          { channelId: 'bs', platform: 'bluesky' },
          { channelId: 'x', platform: 'x', text: 'kurz' },
          { channelId: 'md', platform: 'mastodon' },
        ],
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ code: 'text-over-limit', channelId: 'bs', message: 'Text zu lang für Bluesky: 400 von 300 Zeichen.', detail: { count: 400, limit: 300 } }),
    ]);
  });

  it('honours a Mastodon channel limit of 1000', () => {
    const text = 'a'.repeat(800);
    expect(checkPost(post({ text, variants: [{ channelId: 'md', platform: 'mastodon' }] }))[0]?.code).toBe('text-over-limit');
    expect(checkPost(post({ text, variants: [{ channelId: 'md', platform: 'mastodon', textLimit: 1000 }] }))).toEqual([]);
  });

  it('formats large numbers the German way', () => {
    const [finding] = checkPost(post({ text: 'a'.repeat(63_207), variants: [{ channelId: 'fb', platform: 'facebook' }] }));
    expect(finding.message).toBe('Text zu lang für Facebook: 63.207 von 63.206 Zeichen.');
  });

  it('blocks too many images per platform', () => {
    const images = ['1', '2', '3', '4', '5'].map((id) => image(id));
    const findings = checkPost(post({ images, variants: [{ channelId: 'x', platform: 'x' }, { channelId: 'ig', platform: 'instagram' }] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'too-many-images', channelId: 'x', detail: { count: 5, limit: 4 } })]);
  });

  it('blocks more than 30 hashtags on Instagram only', () => {
    const text = Array.from({ length: 31 }, (_, i) => `#Tag${i}`).join(' ');
    const variants = [{ channelId: 'ig', platform: 'instagram' as const }, { channelId: 'fb', platform: 'facebook' as const }];
    const findings = checkPost(post({ text, variants, images: [image('1')] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'too-many-hashtags', channelId: 'ig', detail: { count: 31, limit: 30 } })]);
  });

  it('blocks more than five distinct links on Threads', () => {
    const text = 'Links: ' + [1, 2, 3, 4, 5, 6, 6].map((n) => `https://a.de/${n}`).join(' ');
    expect(checkPost(post({ text, variants: [{ channelId: 't', platform: 'threads' }] })).map((f) => f.code)).toEqual(['too-many-links']);
    expect(checkPost(post({ text: text.replace(' https://a.de/6 https://a.de/6', ''), variants: [{ channelId: 't', platform: 'threads' }] }))).toEqual([]);
  });

  it('needs a YouTube title and keeps it within 100 characters', () => {
    const yt = [{ channelId: 'yt', platform: 'youtube' as const }];
    expect(checkPost(post({ text: '\nBeschreibung', variants: yt })).map((f) => f.code)).toEqual(['title-missing']);
    const long = checkPost(post({ text: 'T'.repeat(120) + '\nBeschreibung', variants: yt }));
    expect(long).toEqual([expect.objectContaining({ code: 'title-over-limit', detail: { count: 120, limit: 100 } })]);
  });

  it('warns once per image without alt text', () => {
    const findings = checkPost(post({ images: [image('1'), image('2', null), image('3', '   ')] }));
    expect(findings.map((f) => [f.code, f.severity, f.imageId])).toEqual([
      ['alt-text-missing', 'warning', '2'],
      ['alt-text-missing', 'warning', '3'],
    ]);
    expect(blocksApproval(findings)).toBe(false);
  });

  it('checks the common text once and each own text per channel, hard findings first', () => {
    const findings = checkPost(
      post({
        text: '#stadtratsitzung heute',
        variants: [
          { channelId: 'fb', platform: 'facebook' },
          { channelId: 'md', platform: 'mastodon' },
          { channelId: 'ig', platform: 'instagram', text: '𝐇𝐚𝐥𝐥𝐨' },
        ],
      }),
    );
    expect(findings.map((f) => [f.code, f.severity, f.channelId])).toEqual([
      ['image-required', 'hard', 'ig'],
      ['hashtag-not-camel-case', 'warning', undefined],
      ['styled-unicode-text', 'warning', 'ig'],
    ]);
  });

  it('checks the common text when no channel is chosen yet', () => {
    expect(checkPost(post({ text: 'Hier klicken: https://a.de' })).map((f) => f.code)).toEqual(['link-without-context']);
  });

  it('does not check the common text when every channel has its own', () => {
    const findings = checkPost(post({ text: '𝐇𝐚𝐥𝐥𝐨', variants: [{ channelId: 'fb', platform: 'facebook', text: 'Hallo' }] }));
    expect(findings).toEqual([]);
  });
});

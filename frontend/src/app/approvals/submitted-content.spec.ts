import type { ApprovalContentView, ChannelView, PostMediaView } from '@amtsplan/contracts';
import { submittedContent } from './submitted-content';

const bluesky = { id: 'b', name: 'Bluesky Stadt', platform: 'bluesky', textLimit: null } as ChannelView;

describe('submittedContent', () => {
  const content: ApprovalContentView = {
    format: 1,
    channels: [
      { channelId: 'b', text: 'x'.repeat(301) },
      { channelId: 'gone', text: 'Hallo' },
    ],
    media: [{ id: 'm1', contentHash: 'h', altText: 'Rathaus im Schnee' }],
    planning: { kind: 'unplanned' },
  };

  it('shows the submitted texts and alt texts, and checks them like the editor does', () => {
    const image = { id: 'm1', url: '/m1.jpg', altText: 'neuer Text' } as PostMediaView;
    const other = { id: 'm2', url: '/m2.jpg', altText: '' } as PostMediaView;
    const result = submittedContent(content, new Map([['b', bluesky]]), [image, other], 'Unbekannter Kanal');
    expect(result.previews.map((p) => [p.channelName, p.platformLabel, p.text.length])).toEqual([
      ['Bluesky Stadt', 'Bluesky', 301],
      ['Unbekannter Kanal', '', 5],
    ]);
    expect(result.counters).toHaveLength(1);
    expect(result.counters[0].over).toBe(true);
    expect(result.findings.some((f) => f.severity === 'hard' && f.code === 'text-over-limit')).toBe(true);
    // Only images that were submitted, with the alt text that was submitted.
    expect(result.images).toEqual([{ ...image, altText: 'Rathaus im Schnee' }]);
  });
});

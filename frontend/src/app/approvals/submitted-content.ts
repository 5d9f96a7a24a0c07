import type { ApprovalContentView, ChannelView, PostMediaView } from '@amtsplan/contracts';
import { PLATFORM_LABELS, type PlatformId, type PostFinding, checkPost } from '@amtsplan/domain';
import type { ChannelCounter } from '../plan/editor/channel-counters';
import { channelCounters } from '../plan/editor/channel-counters';
import type { ChannelPreviewInput } from '../plan/editor/channel-previews';

/** What the decision page shows of a request's content: previews, counters and the editor's checks. */
export interface SubmittedContent {
  readonly previews: readonly ChannelPreviewInput[];
  readonly counters: readonly ChannelCounter[];
  readonly findings: readonly PostFinding[];
  /** The submitted images that the post still has, for their thumbnails; alt texts are the submitted ones. */
  readonly images: readonly PostMediaView[];
}

/**
 * Everything is derived from the canonical content the approval is bound to, not from the post
 * as it is now: the approver judges exactly what will be published. Every channel's text is
 * treated as its own text, which is what the publisher sends.
 */
export function submittedContent(content: ApprovalContentView, channels: ReadonlyMap<string, ChannelView>, postMedia: readonly PostMediaView[], unknownChannel: string): SubmittedContent {
  const known = content.channels.flatMap((c) => {
    const channel = channels.get(c.channelId);
    return channel ? [{ channel, override: c.text }] : [];
  });
  const previews = content.channels.map((c) => {
    const channel = channels.get(c.channelId);
    return {
      channelId: c.channelId,
      channelName: channel?.name ?? unknownChannel,
      platformLabel: channel ? PLATFORM_LABELS[channel.platform as PlatformId] : '',
      text: c.text,
    };
  });
  const findings = checkPost({
    text: '',
    variants: known.map(({ channel, override }) => ({ channelId: channel.id, platform: channel.platform as PlatformId, text: override, textLimit: channel.textLimit })),
    images: content.media.map((m) => ({ id: m.id, altText: m.altText })),
  });
  const byId = new Map(postMedia.map((m) => [m.id, m]));
  const images = content.media.flatMap((m) => {
    const image = byId.get(m.id);
    return image ? [{ ...image, altText: m.altText }] : [];
  });
  return { previews, counters: channelCounters('', known), findings, images };
}

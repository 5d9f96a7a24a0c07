import type { ChannelView } from '@amtsplan/contracts';
import { PLATFORM_LABELS, type PlatformId, measureText } from '@amtsplan/domain';

/** The live counter of one channel, for the effective text that channel would publish. */
export interface ChannelCounter {
  readonly channelId: string;
  readonly channelName: string;
  readonly platformLabel: string;
  readonly used: number;
  readonly limit: number | null;
  /** Negative when over the limit. */
  readonly remaining: number | null;
  readonly over: boolean;
  /** Within the last tenth of the limit: shown as a warning before it turns red. */
  readonly near: boolean;
  /** YouTube: the first line is the title with its own limit. */
  readonly title: { readonly used: number; readonly limit: number | null; readonly over: boolean } | null;
}

export interface ChannelText {
  readonly channel: Pick<ChannelView, 'id' | 'name' | 'platform' | 'textLimit'>;
  /** The channel's own text, or null for the common text. */
  readonly override: string | null;
}

export function channelCounters(commonText: string, channels: readonly ChannelText[]): ChannelCounter[] {
  return channels.map(({ channel, override }) => {
    const platform = channel.platform as PlatformId;
    const measured = measureText(platform, override ?? commonText, { textLimit: channel.textLimit });
    const near = measured.limit !== null && !measured.over && (measured.remaining ?? 0) <= measured.limit / 10;
    return {
      channelId: channel.id,
      channelName: channel.name,
      platformLabel: PLATFORM_LABELS[platform],
      used: measured.used,
      limit: measured.limit,
      remaining: measured.remaining,
      over: measured.over,
      near,
      title: measured.title
        ? { used: measured.title.used, limit: measured.title.limit, over: measured.title.over }
        : null,
    };
  });
}

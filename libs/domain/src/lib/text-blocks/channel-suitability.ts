import { PLATFORM_LABELS, type PlatformId } from '../platforms';
import { measureText } from '../text-measure';
import { addressFormsOf, type BodyVariants } from './address-forms';
import { type OrganizationPlaceholder, withTypicalValues } from './placeholders';

/** How a block's body fits one platform it is marked as suitable for. */
export interface ChannelFit {
  readonly platform: PlatformId;
  readonly form: 'sie' | 'du';
  readonly used: number;
  readonly limit: number | null;
  readonly over: boolean;
  /** German, for the editor; null when the text fits. */
  readonly message: string | null;
}

/**
 * Measures every written form of address against every platform the block is suitable for,
 * with the platform rules the posts use (X's weighting, Mastodon's link length, …).
 * Placeholders are measured with typical values, since the real ones are not known yet.
 */
export function channelFits(variants: BodyVariants, platforms: readonly PlatformId[], defined: readonly OrganizationPlaceholder[] = []): ChannelFit[] {
  return platforms.flatMap((platform) =>
    addressFormsOf(variants).map((form) => {
      const measure = measureText(platform, withTypicalValues(variants[form] ?? '', defined));
      const over = measure.over;
      return {
        platform,
        form,
        used: measure.used,
        limit: measure.limit,
        over,
        message: over ? `Zu lang für ${PLATFORM_LABELS[platform]} (${form === 'sie' ? 'Sie' : 'Du'}-Fassung): ${measure.used} von ${measure.limit} Zeichen.` : null,
      };
    }),
  );
}

/** Whether the block may be offered for a reply on this platform: marked suitable (or for all) and not too long. */
export function suitsPlatform(variants: BodyVariants, suitable: readonly PlatformId[], platform: PlatformId, defined: readonly OrganizationPlaceholder[] = []): boolean {
  if (suitable.length > 0 && !suitable.includes(platform)) return false;
  return channelFits(variants, [platform], defined).every((fit) => !fit.over);
}

/** Platform ids; they match `PlatformId` in libs/contracts. */
export const PLATFORM_IDS = [
  'facebook',
  'instagram',
  'x',
  'linkedin',
  'mastodon',
  'bluesky',
  'threads',
  'youtube',
  'tiktok',
  'whatsapp',
  'website',
  'newsletter',
  'podcast',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const PLATFORM_LABELS: { readonly [P in PlatformId]: string } = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  linkedin: 'LinkedIn',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp-Kanal',
  website: 'Website/Blog',
  newsletter: 'Newsletter',
  podcast: 'Podcast',
};

/**
 * How a platform measures text:
 * - `graphemes`: user-perceived characters (an emoji family or a flag is one).
 * - `x-weighted`: X's twitter-text v3 weighting (see text-measure.ts).
 * - `threads`: graphemes, but an emoji costs its UTF-8 byte length (Threads API docs).
 */
export type TextCounting = 'graphemes' | 'x-weighted' | 'threads';

export interface PlatformRules {
  /** Maximum text length, or null where the platform has no fixed limit. */
  readonly textLimit: number | null;
  readonly counting: TextCounting;
  /** Every link costs this much, whatever its real length (the platform shortens links). */
  readonly urlLength: number | null;
  /** Whether bare domains like "musterstadt.de" are links too (X), or only http(s) URLs (Mastodon). */
  readonly bareDomainsAreLinks: boolean;
  /** Whether a channel may override `textLimit` (Mastodon instances configure their own). */
  readonly channelTextLimit: boolean;
  /** YouTube: the first line is the video title with its own limit. */
  readonly titleLimit: number | null;
  readonly minImages: number;
  /** Maximum images per post, or null where we know no rule. */
  readonly maxImages: number | null;
  readonly maxHashtags: number | null;
  readonly maxLinks: number | null;
}

const FREE_TEXT: PlatformRules = {
  textLimit: null,
  counting: 'graphemes',
  urlLength: null,
  bareDomainsAreLinks: false,
  channelTextLimit: false,
  titleLimit: null,
  minImages: 0,
  maxImages: null,
  maxHashtags: null,
  maxLinks: null,
};

/**
 * Limits as the platforms publish them for their APIs (we publish through the APIs, so
 * where the app allows more than the API, the API number wins). Sources, as read in 2026:
 */
export const PLATFORM_RULES: { readonly [P in PlatformId]: PlatformRules } = {
  // Facebook: 63,206 characters per post (widely documented Page post limit). Multi-photo
  // posts have no documented API maximum; 10 is our own cap — more becomes a collage
  // nobody opens, and it matches Instagram so one image set fits both.
  facebook: { ...FREE_TEXT, textLimit: 63_206, maxImages: 10 },
  // Instagram Graph API: caption 2,200 characters, at most 30 hashtags, a post needs
  // media, carousels hold up to 10 items through the Content Publishing API (the app
  // allows 20, the API does not).
  instagram: { ...FREE_TEXT, textLimit: 2_200, minImages: 1, maxImages: 10, maxHashtags: 30 },
  // X: 280 weighted characters, every URL (even without https://) costs 23, 4 images.
  x: { ...FREE_TEXT, textLimit: 280, counting: 'x-weighted', urlLength: 23, bareDomainsAreLinks: true, maxImages: 4 },
  // LinkedIn Posts API: commentary up to 3,000 characters; multi-image posts 2–20 images.
  linkedin: { ...FREE_TEXT, textLimit: 3_000, maxImages: 20 },
  // Mastodon: 500 by default, instances may raise it (channel setting). The server counts
  // grapheme clusters, every http(s) URL as 23 and remote mentions by their local part
  // (StatusLengthValidator). 4 media attachments.
  mastodon: { ...FREE_TEXT, textLimit: 500, urlLength: 23, channelTextLimit: true, maxImages: 4 },
  // Bluesky (app.bsky.feed.post): 300 graphemes, links count as written, 4 images.
  bluesky: { ...FREE_TEXT, textLimit: 300, maxImages: 4 },
  // Threads API: 500 characters, emoji count as their UTF-8 bytes; carousels of up to 20
  // items (10 was the earlier limit, still quoted); more than 5 links fail since 12/2025.
  threads: { ...FREE_TEXT, textLimit: 500, counting: 'threads', maxImages: 20, maxLinks: 5 },
  // YouTube Data API: title 100 characters, description 5,000. Images are not modelled:
  // a YouTube post is a video, and video media do not exist in Amtsplan yet.
  youtube: { ...FREE_TEXT, textLimit: 5_000, titleLimit: 100 },
  // TikTok Content Posting API: caption 2,200 (the app allows 4,000); photo posts up to 35.
  tiktok: { ...FREE_TEXT, textLimit: 2_200, maxImages: 35 },
  // WhatsApp channels have no publishing API and no published length limit. The 1,024
  // often quoted is the Business API's media caption limit, which does not apply here.
  whatsapp: FREE_TEXT,
  // Our own media: no platform limit.
  website: FREE_TEXT,
  newsletter: FREE_TEXT,
  podcast: FREE_TEXT,
};

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value);
}

/**
 * The text limit for one channel. Only platforms whose instances differ (Mastodon) take the
 * channel's own number; elsewhere a stray setting must not loosen the platform's limit.
 */
export function textLimitFor(platform: PlatformId, channelTextLimit?: number | null): number | null {
  const rules = PLATFORM_RULES[platform];
  const custom = channelTextLimit != null && Number.isInteger(channelTextLimit) && channelTextLimit > 0;
  return rules.channelTextLimit && custom ? channelTextLimit : rules.textLimit;
}

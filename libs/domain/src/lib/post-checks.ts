import { PLATFORM_LABELS, PLATFORM_RULES, type PlatformId } from './platforms';
import { measureText, splitYouTubeText } from './text-measure';
import { findHashtags, findLinks } from './text-segments';
import { checkTextQuality, type TextQualityCode } from './text-quality';

/** What the checks look at: exactly what would be published, nothing from the database. */
export interface PostImageSnapshot {
  readonly id: string;
  readonly altText: string | null;
}

export interface PostVariantSnapshot {
  readonly channelId: string;
  readonly platform: PlatformId;
  /** Overrides the common text for this channel; null or absent uses the common text. */
  readonly text?: string | null;
  /** The channel's own text limit (Mastodon instances); same name as on the channel. */
  readonly textLimit?: number | null;
}

export interface PostSnapshot {
  readonly text: string;
  readonly variants: readonly PostVariantSnapshot[];
  readonly images: readonly PostImageSnapshot[];
}

/** `hard` blocks submission for approval; `warning` is advice the editor may overrule. */
export type FindingSeverity = 'hard' | 'warning';

export type PostFindingCode =
  | 'text-over-limit'
  | 'title-missing'
  | 'title-over-limit'
  | 'image-required'
  | 'too-many-images'
  | 'too-many-hashtags'
  | 'too-many-links'
  | 'alt-text-missing'
  | TextQualityCode;

export interface PostFinding {
  readonly code: PostFindingCode;
  readonly severity: FindingSeverity;
  /** Set when the finding concerns one channel; absent for the common text and images. */
  readonly channelId?: string;
  readonly platform?: PlatformId;
  readonly imageId?: string;
  /** German, ready for the UI. */
  readonly message: string;
  readonly detail?: { readonly count?: number; readonly limit?: number; readonly excerpt?: string };
}

const number = new Intl.NumberFormat('de-DE');

export function effectiveText(post: PostSnapshot, variant: PostVariantSnapshot): string {
  return variant.text ?? post.text;
}

function channelFindings(post: PostSnapshot, variant: PostVariantSnapshot): PostFinding[] {
  const rules = PLATFORM_RULES[variant.platform];
  const label = PLATFORM_LABELS[variant.platform];
  const text = effectiveText(post, variant);
  const on = { channelId: variant.channelId, platform: variant.platform };
  const findings: PostFinding[] = [];
  const hard = (code: PostFindingCode, message: string, detail?: PostFinding['detail']) =>
    findings.push({ code, severity: 'hard', ...on, message, ...(detail ? { detail } : {}) });

  const measured = measureText(variant.platform, text, { textLimit: variant.textLimit });
  if (measured.title && splitYouTubeText(text).title === '') {
    hard('title-missing', `${label} braucht einen Titel: die erste Zeile des Textes.`);
  }
  if (measured.title?.over && rules.titleLimit !== null) {
    const { used } = measured.title;
    const limit = rules.titleLimit;
    hard('title-over-limit', `Titel zu lang für ${label}: ${number.format(used)} von ${number.format(limit)} Zeichen.`, {
      count: used,
      limit,
    });
  }
  if (measured.limit !== null && measured.used > measured.limit) {
    const { used, limit } = measured;
    hard('text-over-limit', `Text zu lang für ${label}: ${number.format(used)} von ${number.format(limit)} Zeichen.`, {
      count: used,
      limit,
    });
  }

  const images = post.images.length;
  if (images < rules.minImages) {
    hard('image-required', `${label} braucht mindestens ein Bild.`, { count: images, limit: rules.minImages });
  }
  if (rules.maxImages !== null && images > rules.maxImages) {
    hard('too-many-images', `${label} erlaubt höchstens ${rules.maxImages} Bilder, angehängt sind ${images}.`, {
      count: images,
      limit: rules.maxImages,
    });
  }

  // Every occurrence counts: the platform counts the tags in the text, not distinct ones.
  const hashtags = findHashtags(text).length;
  if (rules.maxHashtags !== null && hashtags > rules.maxHashtags) {
    hard('too-many-hashtags', `${label} erlaubt höchstens ${rules.maxHashtags} Hashtags, im Text stehen ${hashtags}.`, {
      count: hashtags,
      limit: rules.maxHashtags,
    });
  }

  // Threads counts unique URLs, with or without https:// (Threads API, text attachments).
  const links = new Set(findLinks(text, { bareDomains: true }).map((l) => l.text)).size;
  if (rules.maxLinks !== null && links > rules.maxLinks) {
    hard('too-many-links', `${label} erlaubt höchstens ${rules.maxLinks} Links, im Text stehen ${links}.`, {
      count: links,
      limit: rules.maxLinks,
    });
  }
  return findings;
}

/**
 * Quality findings about a text: once for the common text (no channel) when any channel
 * uses it or no channel is chosen yet, and once per channel that has its own text.
 */
function textFindings(post: PostSnapshot): PostFinding[] {
  const findings: PostFinding[] = [];
  const commonUsed = post.variants.length === 0 || post.variants.some((v) => v.text == null);
  if (commonUsed) {
    for (const issue of checkTextQuality(post.text)) findings.push({ ...issue, severity: 'warning' });
  }
  for (const variant of post.variants) {
    if (variant.text == null) continue;
    for (const issue of checkTextQuality(variant.text)) {
      findings.push({ ...issue, severity: 'warning', channelId: variant.channelId, platform: variant.platform });
    }
  }
  return findings;
}

function imageFindings(post: PostSnapshot): PostFinding[] {
  return post.images
    .filter((image) => (image.altText ?? '').trim() === '')
    .map((image) => ({
      code: 'alt-text-missing' as const,
      severity: 'warning' as const,
      imageId: image.id,
      message: 'Bild ohne Alternativtext: Bitte beschreiben, was darauf zu sehen ist.',
    }));
}

/**
 * All findings for a post, hard ones first, otherwise in a stable order (channels as
 * given, then texts, then images), so the same snapshot always yields the same list and
 * the stored copy can be compared with a fresh one.
 */
export function checkPost(post: PostSnapshot): PostFinding[] {
  const all = [...post.variants.flatMap((v) => channelFindings(post, v)), ...textFindings(post), ...imageFindings(post)];
  return [...all.filter((f) => f.severity === 'hard'), ...all.filter((f) => f.severity === 'warning')];
}

/** Whether the findings stop a post from going to approval. */
export function blocksApproval(findings: readonly PostFinding[]): boolean {
  return findings.some((f) => f.severity === 'hard');
}

import { isCalendarDate } from './calendar-date';

/**
 * What an approval is bound to: exactly what will be published. Each channel's effective
 * text (its own text, or else the common text), the images with their file hash, alt text
 * and order, and the planned time. The backend hashes canonicalApprovalContent (SHA-256);
 * any difference in these parts gives a different hash and voids the approval.
 *
 * Unicode: texts are NOT normalised (no NFC). The hash covers the exact code points the
 * adapter will send, so an NFD "ä" and an NFC "ä" are different content; a change of
 * normalisation alone voids an approval rather than letting unapproved bytes go out.
 * Line endings are kept as they are for the same reason. JSON.stringify escapes strings the
 * same way in every engine (lone surrogates as \uXXXX), so browser and server agree.
 */

/** Compatible with PostVariantSnapshot (post-checks). */
export interface ApprovalVariantInput {
  readonly channelId: string;
  /** Overrides the common text for this channel; null or absent uses the common text. */
  readonly text?: string | null;
}

export interface ApprovalMediaInput {
  readonly id: string;
  /** Hash of the stored file's bytes (hex SHA-256 as the upload computed it). */
  readonly contentHash: string;
  readonly altText: string | null;
  /** Order among the post's images; only the order counts, not the numbers. */
  readonly position: number;
}

/** Mirrors Planning in libs/contracts; `at` may carry any offset, only the instant counts. */
export type ApprovalPlanningInput =
  | { readonly kind: 'unplanned' }
  | { readonly kind: 'day'; readonly date: string }
  | { readonly kind: 'time'; readonly at: string | Date };

export interface ApprovalContentInput {
  readonly text: string;
  readonly variants: readonly ApprovalVariantInput[];
  readonly media: readonly ApprovalMediaInput[];
  readonly planning: ApprovalPlanningInput;
}

export interface ApprovalContentChannel {
  readonly channelId: string;
  readonly text: string;
}

export interface ApprovalContentMedia {
  readonly id: string;
  readonly contentHash: string;
  /** An absent alt text is stored as '' — both publish no description. */
  readonly altText: string;
}

export type ApprovalContentPlanning =
  | { readonly kind: 'unplanned' }
  | { readonly kind: 'day'; readonly date: string }
  | { readonly kind: 'time'; readonly at: string };

/** The canonical form; a new `format` number would mean new hashes for everything. */
export interface ApprovalContent {
  readonly format: 1;
  /** Sorted by channel id (UTF-16 code units, independent of locale). */
  readonly channels: readonly ApprovalContentChannel[];
  /** In publishing order. */
  readonly media: readonly ApprovalContentMedia[];
  readonly planning: ApprovalContentPlanning;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function requireUnique(values: readonly (string | number)[], what: string): void {
  const seen = new Set<string | number>();
  for (const value of values) {
    if (seen.has(value)) throw new RangeError(`${what} doppelt: ${value}`);
    seen.add(value);
  }
}

function canonicalPlanning(planning: ApprovalPlanningInput): ApprovalContentPlanning {
  switch (planning.kind) {
    case 'unplanned':
      return { kind: 'unplanned' };
    case 'day':
      if (!isCalendarDate(planning.date)) throw new RangeError(`Kein gültiges Datum (JJJJ-MM-TT): ${planning.date}`);
      return { kind: 'day', date: planning.date };
    case 'time': {
      const at = new Date(planning.at);
      if (Number.isNaN(at.getTime())) throw new RangeError(`Kein gültiger Zeitpunkt: ${String(planning.at)}`);
      return { kind: 'time', at: at.toISOString() };
    }
  }
}

/** The canonical content of a post; throws a RangeError for ambiguous input (duplicates). */
export function approvalContent(input: ApprovalContentInput): ApprovalContent {
  requireUnique(input.variants.map((v) => v.channelId), 'Kanal');
  requireUnique(input.media.map((m) => m.id), 'Bild');
  requireUnique(input.media.map((m) => m.position), 'Bildposition');
  for (const m of input.media) {
    if (!Number.isFinite(m.position)) throw new RangeError(`Ungültige Bildposition: ${m.position}`);
    if (m.contentHash.trim() === '') throw new RangeError(`Bild ohne Prüfsumme: ${m.id}`);
  }
  return {
    format: 1,
    channels: input.variants
      .map((v) => ({ channelId: v.channelId, text: v.text ?? input.text }))
      .sort((a, b) => byCodeUnits(a.channelId, b.channelId)),
    media: [...input.media]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({ id: m.id, contentHash: m.contentHash, altText: m.altText ?? '' })),
    planning: canonicalPlanning(input.planning),
  };
}

/** JSON with object keys sorted by code units at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Keine endliche Zahl: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`Nicht als JSON darstellbar: ${typeof value}`);
}

/** The string the backend hashes: same content, same string, in browser and server. */
export function canonicalApprovalContent(input: ApprovalContentInput): string {
  return canonicalJson(approvalContent(input));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Reads a stored canonical string back (e.g. for the diff when a request is voided). */
export function parseApprovalContent(json: string): ApprovalContent {
  const fail = (): never => {
    throw new RangeError('Kein gespeicherter Freigabeinhalt im Format 1');
  };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail();
  }
  const c = value as Partial<ApprovalContent> | null;
  if (!c || c.format !== 1 || !Array.isArray(c.channels) || !Array.isArray(c.media) || !c.planning) return fail();
  if (!c.channels.every((ch) => isString(ch?.channelId) && isString(ch?.text))) return fail();
  if (!c.media.every((m) => isString(m?.id) && isString(m?.contentHash) && isString(m?.altText))) return fail();
  const p = c.planning as { kind?: unknown; date?: unknown; at?: unknown };
  let planning: ApprovalContentPlanning;
  if (p.kind === 'unplanned') planning = { kind: 'unplanned' };
  else if (p.kind === 'day' && isString(p.date)) planning = { kind: 'day', date: p.date };
  else if (p.kind === 'time' && isString(p.at)) planning = { kind: 'time', at: p.at };
  else return fail();
  const content: ApprovalContent = {
    format: 1,
    channels: c.channels.map((ch) => ({ channelId: ch.channelId, text: ch.text })),
    media: c.media.map((m) => ({ id: m.id, contentHash: m.contentHash, altText: m.altText })),
    planning,
  };
  // Only exactly what approvalContent produces is accepted (no extra fields, same order),
  // so a parsed copy hashes like the original.
  if (canonicalJson(content) !== json) return fail();
  return content;
}

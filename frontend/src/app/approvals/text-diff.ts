import type { ApprovalContentView } from '@amtsplan/contracts';

/** A run of text that both versions share, or that only the earlier or only the current one has. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** How one channel's text changed since the version the approver saw. */
export interface ChannelTextChange {
  readonly channelId: string;
  readonly change: 'unchanged' | 'changed' | 'added' | 'removed';
  readonly parts: readonly DiffPart[];
}

/**
 * Beyond this many words per side the word diff (quadratic) is skipped and the whole text shown
 * as replaced: posts are short, and a phone must not freeze on a pasted essay.
 */
const MAX_WORDS = 3000;

/** Words and the whitespace between them, so joining the parts gives the texts back exactly. */
function words(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * Word-level diff by longest common subsequence. Word level rather than characters: an approver
 * reads "14 Uhr" inserted, not scattered letters.
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = words(before);
  const b = words(after);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    return merge([...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])]);
  }
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      parts.push({ kind: 'removed', text: a[i++] });
    } else {
      parts.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < a.length) parts.push({ kind: 'removed', text: a[i++] });
  while (j < b.length) parts.push({ kind: 'added', text: b[j++] });
  return merge(parts);
}

/** Joins neighbouring parts of the same kind, so a screen reader hears one insertion, not each word. */
function merge(parts: readonly DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) merged[merged.length - 1] = { kind: part.kind, text: last.text + part.text };
    else merged.push(part);
  }
  return merged;
}

/**
 * The text change per channel between the content the approver decided on last time and the
 * content in front of them: current channels in their order, then channels that were dropped.
 */
export function channelTextChanges(previous: ApprovalContentView, current: ApprovalContentView): ChannelTextChange[] {
  const before = new Map(previous.channels.map((c) => [c.channelId, c.text]));
  const now = new Set(current.channels.map((c) => c.channelId));
  const changes: ChannelTextChange[] = current.channels.map(({ channelId, text }) => {
    const earlier = before.get(channelId);
    if (earlier === undefined) return { channelId, change: 'added', parts: text ? [{ kind: 'added', text }] : [] };
    return { channelId, change: earlier === text ? 'unchanged' : 'changed', parts: diffText(earlier, text) };
  });
  for (const { channelId, text } of previous.channels) {
    if (!now.has(channelId)) changes.push({ channelId, change: 'removed', parts: text ? [{ kind: 'removed', text }] : [] });
  }
  return changes;
}

/** Whether anything besides the texts changed: images (file or alt text, order) or the planned time. */
export function otherChanges(previous: ApprovalContentView, current: ApprovalContentView): { readonly media: boolean; readonly planning: boolean } {
  return {
    media: JSON.stringify(previous.media) !== JSON.stringify(current.media),
    planning: JSON.stringify(previous.planning) !== JSON.stringify(current.planning),
  };
}

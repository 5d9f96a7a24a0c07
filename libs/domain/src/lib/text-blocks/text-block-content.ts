import { canonicalJson } from '../approval-content';
import type { PlatformId } from '../platforms';
import type { BodyVariants } from './address-forms';

/**
 * What an approval of a text block version is bound to: title, the body per form of address,
 * the category and the platforms it is suitable for. The backend hashes the canonical JSON
 * (SHA-256), exactly as for posts; owner, tags, validity and review date are organisational
 * data around the text and not part of what is approved.
 */
export interface TextBlockContent {
  readonly format: 1;
  readonly kind: 'text_block';
  readonly title: string;
  readonly body: { readonly sie: string | null; readonly du: string | null };
  readonly category: { readonly id: string; readonly name: string };
  /** Sorted; empty means "every channel". */
  readonly platforms: readonly PlatformId[];
}

export interface TextBlockContentInput {
  readonly title: string;
  readonly body: BodyVariants;
  readonly category: { readonly id: string; readonly name: string };
  readonly platforms: readonly PlatformId[];
}

export function textBlockContent(input: TextBlockContentInput): TextBlockContent {
  return {
    format: 1,
    kind: 'text_block',
    title: input.title,
    // Empty variants are absent, so "" and null hash alike.
    body: { sie: input.body.sie?.trim() ? input.body.sie : null, du: input.body.du?.trim() ? input.body.du : null },
    category: { id: input.category.id, name: input.category.name },
    platforms: [...new Set(input.platforms)].sort(),
  };
}

/** The exact string that is hashed and stored with the approval request. */
export function canonicalTextBlockContent(input: TextBlockContentInput): string {
  return canonicalJson(textBlockContent(input));
}

export function parseTextBlockContent(json: string): TextBlockContent {
  const value = JSON.parse(json) as TextBlockContent;
  if (value?.format !== 1 || value.kind !== 'text_block') throw new Error('Kein gespeicherter Inhalt eines Textbausteins');
  return value;
}

/**
 * Placeholders in a text block's body: `{{name}}`, `{{datum}}`, `{{link}}` and the ones an
 * organization defines itself (with a default value). Names are lower-case letters, digits,
 * `_` and `-`, starting with a letter; spaces inside the braces are allowed (`{{ name }}`).
 * Anything else in double braces is plain text and stays as it is.
 */

/** The placeholders every organization has; they have no default and must be filled. */
export const BUILT_IN_PLACEHOLDERS = ['name', 'datum', 'link'] as const;
export type BuiltInPlaceholder = (typeof BUILT_IN_PLACEHOLDERS)[number];

export const BUILT_IN_PLACEHOLDER_LABELS: { readonly [P in BuiltInPlaceholder]: string } = {
  name: 'Name der angesprochenen Person',
  datum: 'Datum',
  link: 'Link',
};

/** An organization-defined placeholder, e.g. `{{telefon}}` with the switchboard's number. */
export interface OrganizationPlaceholder {
  readonly key: string;
  readonly label: string;
  /** Used when the person inserting the block leaves the field empty; null: must be filled. */
  readonly defaultValue: string | null;
}

export const PLACEHOLDER_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_-]{0,39})\s*\}\}/g;

export function isBuiltInPlaceholder(key: string): key is BuiltInPlaceholder {
  return (BUILT_IN_PLACEHOLDERS as readonly string[]).includes(key);
}

/** The placeholder keys in the order they first appear, each once. */
export function placeholdersIn(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) seen.add(match[1]);
  return [...seen];
}

/** Placeholders used in the text that are neither built in nor defined by the organization. */
export function unknownPlaceholders(text: string, defined: readonly OrganizationPlaceholder[]): string[] {
  const known = new Set(defined.map((p) => p.key));
  return placeholdersIn(text).filter((key) => !isBuiltInPlaceholder(key) && !known.has(key));
}

export type PlaceholderValues = Readonly<Record<string, string | null | undefined>>;

/** The value a placeholder gets: what was typed (trimmed, not empty), else the organization's default. */
function valueOf(key: string, values: PlaceholderValues, defined: readonly OrganizationPlaceholder[]): string | null {
  const typed = values[key]?.trim();
  if (typed) return typed;
  const fallback = defined.find((p) => p.key === key)?.defaultValue;
  return fallback?.trim() ? fallback : null;
}

/**
 * The placeholders of the text that would stay empty with these values: neither typed nor
 * given a default by the organization. The reply composer refuses to send while any is left.
 */
export function unfilledPlaceholders(text: string, values: PlaceholderValues, defined: readonly OrganizationPlaceholder[] = []): string[] {
  return placeholdersIn(text).filter((key) => valueOf(key, values, defined) === null);
}

export interface RenderedText {
  readonly text: string;
  /** Placeholders left in the text as `{{key}}` because nothing filled them. */
  readonly unfilled: readonly string[];
}

/**
 * Replaces every placeholder by its value (typed, else the organization's default). Unfilled
 * ones stay in the text as written, so nothing is silently dropped from a reply.
 */
export function renderPlaceholders(text: string, values: PlaceholderValues, defined: readonly OrganizationPlaceholder[] = []): RenderedText {
  const unfilled = new Set<string>();
  const rendered = text.replace(PLACEHOLDER, (whole, key: string) => {
    const value = valueOf(key, values, defined);
    if (value === null) {
      unfilled.add(key);
      return whole;
    }
    return value;
  });
  return { text: rendered, unfilled: [...unfilled] };
}

/**
 * Text with every placeholder replaced by a stand-in of typical length, for checking a
 * block's length against a channel before anyone fills it in.
 */
export function withTypicalValues(text: string, defined: readonly OrganizationPlaceholder[] = []): string {
  const typical: Record<BuiltInPlaceholder, string> = { name: 'Maximiliane Mustermann', datum: '31.12.2026', link: 'https://www.example.org/seite' };
  return text.replace(PLACEHOLDER, (_whole, key: string) => {
    if (isBuiltInPlaceholder(key)) return typical[key];
    return defined.find((p) => p.key === key)?.defaultValue ?? 'xxxxxxxxxxxx';
  });
}

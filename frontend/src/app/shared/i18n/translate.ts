import type { Locale } from '@amtsplan/contracts';
import { de, type MessageKey } from './messages.de';
import { en } from './messages.en';

export type Language = Locale;
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** Names of the `{placeholders}` in one message text, e.g. `'minutes'`. */
type PlaceholdersOf<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

export type MessageParams<K extends MessageKey> = [PlaceholdersOf<(typeof de)[K]>] extends [never]
  ? []
  : [params: { readonly [Name in PlaceholdersOf<(typeof de)[K]>]: string | number }];

/** Keys whose text takes no parameters: the ones that may be chosen at runtime (role labels, titles). */
export type PlainMessageKey = {
  [K in MessageKey]: [PlaceholdersOf<(typeof de)[K]>] extends [never] ? K : never;
}[MessageKey];

/** English must use exactly the placeholders of German, or the message would print `{name}`. */
type PlaceholderMismatch = {
  [K in MessageKey]: [PlaceholdersOf<(typeof de)[K]>] extends [PlaceholdersOf<(typeof en)[K]>]
    ? [PlaceholdersOf<(typeof en)[K]>] extends [PlaceholdersOf<(typeof de)[K]>]
      ? never
      : K
    : K;
}[MessageKey];
const placeholdersMatch: [PlaceholderMismatch] extends [never] ? true : PlaceholderMismatch = true;
void placeholdersMatch;

const DICTIONARIES: { readonly [L in Language]: { readonly [K in MessageKey]: string } } = { de, en };

export function translate<K extends MessageKey>(language: Language, key: K, ...params: MessageParams<K>): string {
  const text: string = DICTIONARIES[language][key];
  const values: Readonly<Record<string, string | number>> = params[0] ?? {};
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

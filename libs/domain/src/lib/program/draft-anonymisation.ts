/**
 * A post draft shared into the cohort leaves the authority: peers from other authorities see it.
 * Before it goes, personal details are replaced by neutral placeholders, and the participant sees
 * the result before sharing (the tool suggests; the person decides what leaves the house).
 */
export interface AnonymisationOptions {
  /** Names to hide as well, e.g. the authority's name, people named in the post. */
  readonly names?: readonly string[];
}

const RULES: readonly [RegExp, string][] = [
  // Fediverse handles (@name@instance) first: their second half looks like an e-mail address.
  [/(^|[^\w@])@[\w.]+@[\w-]+(\.[\w-]+)+/g, '$1[Konto]'],
  [/\b[\w.%+-]+@[\w-]+(\.[\w-]+)+\b/g, '[E-Mail]'],
  [/\bhttps?:\/\/\S+/gi, '[Link]'],
  [/\bwww\.\S+/gi, '[Link]'],
  // Plain handles after e-mail addresses, so an address is not read as a handle.
  [/(^|[^\w@])@[\w.]+/g, '$1[Konto]'],
  // German phone numbers: +49 or a leading 0, digits with spaces, slashes or dashes, at least 6 digits.
  [/(\+49|\b0)[\d\s/()-]{5,}\d/g, '[Telefon]'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function anonymiseDraft(text: string, options: AnonymisationOptions = {}): string {
  let result = text;
  // Addresses, links and handles first: a name inside one ("info@musterstadt.example") would
  // otherwise cut it apart and leave the rest of it readable.
  for (const [pattern, placeholder] of RULES) result = result.replace(pattern, placeholder);
  const names = [...(options.names ?? [])].map((name) => name.trim()).filter((name) => name.length >= 2);
  // Longest first, so "Stadt Musterstadt" goes before "Musterstadt".
  names.sort((a, b) => b.length - a.length);
  for (const name of names) result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu'), '[Name]');
  return result;
}

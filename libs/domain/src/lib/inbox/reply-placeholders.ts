/**
 * Placeholders a reply still contains: `{{name}}`, `{{ datum }}`. A reply with any of them
 * left cannot be sent. (The text-block placeholder rendering shares this syntax.)
 */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function unfilledPlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] || '…';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function hasUnfilledPlaceholders(text: string): boolean {
  return unfilledPlaceholders(text).length > 0;
}

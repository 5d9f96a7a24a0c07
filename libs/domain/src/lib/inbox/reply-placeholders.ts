/**
 * Placeholders a reply still contains: `{{name}}`, `{{ datum }}`. A reply with any of them
 * left cannot be sent. Broader than the text blocks' `placeholdersIn` on purpose: any double
 * braces left in a reply block sending, also ones a text block would not treat as a placeholder.
 */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function placeholdersLeftInReply(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] || '…';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function replyHasPlaceholdersLeft(text: string): boolean {
  return placeholdersLeftInReply(text).length > 0;
}

/** Words of an authority's name that are not a name and would blank half of a post. */
const GENERIC_NAME_WORDS = new Set(['stadt', 'landkreis', 'kreis', 'gemeinde', 'markt', 'amt', 'bezirk', 'verwaltung', 'verbandsgemeinde', 'samtgemeinde', 'der', 'die', 'das']);

/**
 * The names a shared post draft must not carry: the authority's name and its distinctive words
 * ("Musterstadt" of "Stadt Musterstadt"), its members' names and given names, and what the
 * participant adds.
 */
export function namesToHide(organizationName: string, memberNames: readonly string[], extra: readonly string[] = []): string[] {
  const names = [organizationName, ...organizationName.split(/\s+/).filter((word) => word.length >= 3 && !GENERIC_NAME_WORDS.has(word.toLowerCase()))];
  for (const person of memberNames) names.push(person, person.split(/\s+/)[0] ?? '');
  return [...new Set([...names, ...extra].map((name) => name.trim()).filter(Boolean))];
}

/** A Konzept-Plakat section as text: each answer under its question, then the facts from the authority's data. */
export function posterSectionText(section: { readonly answers: ReadonlyArray<{ readonly question: string; readonly text: string }>; readonly facts: readonly string[] }): string {
  const parts = section.answers.map((answer) => `${answer.question}\n${answer.text.trim()}`);
  if (section.facts.length) parts.push(['Aus den Daten in Amtsplan:', ...section.facts.map((fact) => `– ${fact}`)].join('\n'));
  return parts.join('\n\n');
}

/** An approved text block's body: the Sie form, the Du form, or both labelled. */
export function textBlockText(bodySie: string | null, bodyDu: string | null): string {
  const sie = bodySie?.trim() ?? '';
  const du = bodyDu?.trim() ?? '';
  if (sie && du) return `Sie-Form:\n${sie}\n\nDu-Form:\n${du}`;
  return sie || du;
}

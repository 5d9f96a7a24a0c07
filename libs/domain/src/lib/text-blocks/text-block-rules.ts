import type { FieldProblem } from '../field-problem';
import { isPlatformId, type PlatformId } from '../platforms';
import { hasBody, type BodyVariants } from './address-forms';
import { type OrganizationPlaceholder, unknownPlaceholders } from './placeholders';

/** Short codes: what is typed after "/" to find a block quickly, e.g. "oeffnung" or "abfall-1". */
export const SHORT_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,29}$/;
export const TITLE_MAX = 200;
export const BODY_MAX = 5000;

export interface TextBlockDraft {
  readonly title: string;
  readonly shortCode: string;
  readonly body: BodyVariants;
  readonly platforms: readonly string[];
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

/** Problems of a block's fields, with paths as the API reports them. */
export function textBlockProblems(draft: TextBlockDraft, defined: readonly OrganizationPlaceholder[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!draft.title.trim()) problems.push({ path: 'title', message: 'Bitte einen Titel angeben.' });
  if (draft.title.length > TITLE_MAX) problems.push({ path: 'title', message: `Der Titel darf höchstens ${TITLE_MAX} Zeichen lang sein.` });
  if (!SHORT_CODE_PATTERN.test(draft.shortCode)) {
    problems.push({ path: 'shortCode', message: 'Kürzel: 1–30 Zeichen, Kleinbuchstaben, Ziffern, „-“ und „_“, beginnend mit Buchstabe oder Ziffer.' });
  }
  if (!hasBody(draft.body)) problems.push({ path: 'body', message: 'Bitte den Text in der Sie- oder Du-Form schreiben.' });
  for (const form of ['sie', 'du'] as const) {
    const text = draft.body[form] ?? '';
    if (text.length > BODY_MAX) problems.push({ path: `body.${form}`, message: `Der Text darf höchstens ${BODY_MAX} Zeichen lang sein.` });
    const unknown = unknownPlaceholders(text, defined);
    if (unknown.length) problems.push({ path: `body.${form}`, message: `Unbekannte Platzhalter: ${unknown.map((k) => `{{${k}}}`).join(', ')}. Bitte in den Einstellungen anlegen oder entfernen.` });
  }
  draft.platforms.forEach((p, i) => {
    if (!isPlatformId(p)) problems.push({ path: `platforms.${i}`, message: `Unbekannter Kanaltyp „${p}“.` });
  });
  if (draft.validFrom && draft.validUntil && draft.validUntil < draft.validFrom) {
    problems.push({ path: 'validUntil', message: 'Das Ende der Gültigkeit liegt vor ihrem Beginn.' });
  }
  return problems;
}

export function platformsOf(values: readonly string[]): PlatformId[] {
  return values.filter(isPlatformId);
}

import type { OrganizationRole } from '../roles';

/**
 * The Kick-off-Manifest: the authority's leadership states its support for the 12 weeks. The
 * text is the authority's own (a template to start from); it is signed in the tool by a
 * leadership account — Leitung (Freigabe) or Administration — with name, function and time.
 */
export const MANIFEST_SIGNING_ROLES: readonly OrganizationRole[] = ['admin', 'approver'];

export function maySignManifest(role: OrganizationRole): boolean {
  return MANIFEST_SIGNING_ROLES.includes(role);
}

/** The starting text, with the authority's name filled in. */
export function manifestTemplate(organizationName: string): string {
  return [
    `Wir, die Leitung von ${organizationName}, unterstützen die Teilnahme an den zwölf Wochen des Lernprogramms Social Media.`,
    '',
    '1. Social Media ist Teil unserer Öffentlichkeitsarbeit und unseres Auftrags, die Bürgerinnen und Bürger verständlich und rechtzeitig zu informieren.',
    '2. Für die Übungen stehen wöchentlich etwa drei Stunden Arbeitszeit und 90 Minuten für das Treffen der Peer-Gruppe zur Verfügung; die Übungen ersetzen, wo möglich, laufende Arbeit.',
    '3. Wir benennen eine Freigabe-Routine mit klaren Vertretungen, damit Beiträge ohne lange Wege erscheinen.',
    '4. Fachbereiche werden gebeten, Themen und Ansprechpersonen beizutragen.',
    '5. Zur Halbzeit (Woche 6) nehmen wir uns Zeit für das Zwischenfazit, am Ende für die Vorstellung des Konzepts.',
  ].join('\n');
}

/** A signature belongs to the exact text it was given for: editing the text afterwards undoes it. */
export function signatureStillValid(text: string, signedText: string | null): boolean {
  return signedText !== null && signedText === text;
}

import type { ApprovalRequestStatus } from '../approval-request';
import { defineStateMachine } from '../state-machine';
import type { FieldProblem } from '../field-problem';
import { CRISIS_LEVELS, type LevelTriggers } from './shitstorm-scale';

/** Who does a checklist step: a role of the organization or a named person. */
export type StepResponsible = { readonly kind: 'role'; readonly role: string } | { readonly kind: 'person'; readonly name: string };

export interface ChecklistStep {
  readonly id: string;
  readonly title: string;
  readonly responsible: StepResponsible;
  /** Minutes after the level was reached by which the step should be done. */
  readonly dueWithinMinutes: number;
}

export interface PlaybookContact {
  readonly id: string;
  readonly name: string;
  readonly function: string;
  readonly phone: string;
  readonly deputy: string;
  /** E.g. „Mo–Fr 7–18 Uhr, sonst Rufbereitschaft über Leitstelle“. */
  readonly reachability: string;
  /** Set when the contact is a member of the organization: alerted in-app and by e-mail. */
  readonly userId: string | null;
}

export interface PlaybookLevel {
  readonly level: number;
  readonly name: string;
  readonly ownChannels: string;
  readonly otherMedia: string;
  readonly triggers: LevelTriggers;
  readonly checklist: readonly ChecklistStep[];
  /** Ids of contacts (of the playbook's contact list) to alert on this level. */
  readonly contactIds: readonly string[];
  /** Ids of text blocks (Textbausteine) used as holding statements on this level. */
  readonly holdingStatementIds: readonly string[];
  readonly dos: readonly string[];
  readonly donts: readonly string[];
  readonly stopRecommended: boolean;
}

/** The versioned content of a playbook: what leadership signs off. */
export interface PlaybookContent {
  readonly name: string;
  readonly scenario: string;
  readonly contacts: readonly PlaybookContact[];
  readonly levels: readonly PlaybookLevel[];
}

/** A playbook version's sign-off: Entwurf → in Freigabe → freigegeben. */
export const PLAYBOOK_VERSION_STATUSES = ['draft', 'in_approval', 'approved'] as const;
export type PlaybookVersionStatus = (typeof PLAYBOOK_VERSION_STATUSES)[number];
export const PLAYBOOK_VERSION_STATUS_LABELS: { readonly [S in PlaybookVersionStatus]: string } = {
  draft: 'Entwurf',
  in_approval: 'In Freigabe',
  approved: 'Freigegeben',
};
/** An edit of the content while in approval or approved starts a new draft version (never changes a signed one). */
export const playbookVersionMachine = defineStateMachine<PlaybookVersionStatus>('playbook_version', {
  draft: ['in_approval'],
  in_approval: ['approved', 'draft'],
  approved: [],
});

/**
 * A version's status follows its approval request (docs/crisis.md): a running request is
 * "in Freigabe", an approved one "freigegeben"; changes requested, rejected, withdrawn or voided
 * send it back to Entwurf. There is no other way to "freigegeben".
 */
export function playbookVersionStatusOf(requestStatus: ApprovalRequestStatus | null): PlaybookVersionStatus {
  if (requestStatus === 'pending') return 'in_approval';
  if (requestStatus === 'approved') return 'approved';
  return 'draft';
}

/**
 * The canonical text of a playbook's content, stable under key order: the content hash (SHA-256
 * in the backend) binds an approval to exactly this text.
 */
export function canonicalPlaybookContent(content: PlaybookContent): string {
  return stableStringify(content);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Problems of a playbook's content, in German, with paths into the content. */
export function validatePlaybook(content: PlaybookContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!content.name.trim()) problems.push({ path: 'name', message: 'Bitte einen Namen angeben.' });
  if (!content.levels.length) problems.push({ path: 'levels', message: 'Ein Playbook braucht mindestens eine Stufe.' });
  const contactIds = new Set<string>();
  content.contacts.forEach((c, i) => {
    if (contactIds.has(c.id)) problems.push({ path: `contacts.${i}.id`, message: 'Doppelte Kontakt-Kennung.' });
    contactIds.add(c.id);
    if (!c.name.trim()) problems.push({ path: `contacts.${i}.name`, message: 'Bitte einen Namen angeben.' });
  });
  const levels = new Set<number>();
  content.levels.forEach((level, i) => {
    if (!(CRISIS_LEVELS as readonly number[]).includes(level.level)) problems.push({ path: `levels.${i}.level`, message: 'Stufen reichen von 0 bis 6.' });
    if (levels.has(level.level)) problems.push({ path: `levels.${i}.level`, message: 'Diese Stufe kommt doppelt vor.' });
    levels.add(level.level);
    if (!level.name.trim()) problems.push({ path: `levels.${i}.name`, message: 'Bitte die Stufe benennen.' });
    const { negativePerHourOnOneChannel: perHour, negativeShare: share, channelsAffected: channels } = level.triggers;
    if (perHour !== null && !(perHour > 0)) problems.push({ path: `levels.${i}.triggers.negativePerHourOnOneChannel`, message: 'Bitte eine positive Zahl angeben.' });
    if (share !== null && !(share > 0 && share <= 1)) problems.push({ path: `levels.${i}.triggers.negativeShare`, message: 'Der Anteil liegt zwischen 0 und 100 %.' });
    if (channels !== null && !(Number.isInteger(channels) && channels >= 1)) problems.push({ path: `levels.${i}.triggers.channelsAffected`, message: 'Mindestens ein Kanal.' });
    const stepIds = new Set<string>();
    level.checklist.forEach((step, j) => {
      if (stepIds.has(step.id)) problems.push({ path: `levels.${i}.checklist.${j}.id`, message: 'Doppelte Schritt-Kennung.' });
      stepIds.add(step.id);
      if (!step.title.trim()) problems.push({ path: `levels.${i}.checklist.${j}.title`, message: 'Bitte den Schritt beschreiben.' });
      const who = step.responsible.kind === 'role' ? step.responsible.role : step.responsible.name;
      if (!who.trim()) problems.push({ path: `levels.${i}.checklist.${j}.responsible`, message: 'Bitte eine Rolle oder Person angeben.' });
      if (!(Number.isInteger(step.dueWithinMinutes) && step.dueWithinMinutes > 0)) {
        problems.push({ path: `levels.${i}.checklist.${j}.dueWithinMinutes`, message: 'Bitte eine Zeitvorgabe in Minuten angeben.' });
      }
    });
    level.contactIds.forEach((id, j) => {
      if (!contactIds.has(id)) problems.push({ path: `levels.${i}.contactIds.${j}`, message: 'Dieser Kontakt steht nicht in der Kontaktliste.' });
    });
  });
  return problems;
}

/** The level of a playbook, or the nearest lower one it defines (a playbook may leave levels out). */
export function playbookLevel(content: PlaybookContent, level: number): PlaybookLevel | null {
  const defined = [...content.levels].filter((l) => l.level <= level).sort((a, b) => b.level - a.level);
  return defined[0] ?? null;
}

/** When the next review is due: an ISO date (YYYY-MM-DD) is due when it is today or past. */
export function playbookReviewDue(nextReviewOn: string | null, today: string): boolean {
  return nextReviewOn !== null && nextReviewOn <= today;
}

import type { Exercise, ExerciseRuleId, ProgramArea } from '@amtsplan/domain';
import { CHANNELS_PATH, MEMBERS_PATH, PLAN_PATH, SERIES_PATH, SETTINGS_PATH, TOPICS_PATH, organizationUrl } from '../shared/routing/paths';
import type { PlainMessageKey } from '../shared/i18n/translate';
import { PROGRAM_PATH } from './program-paths';

/** Where in Amtsplan an area of the program is worked on (the side navigation's segments). */
const AREA_SEGMENTS: { readonly [A in ProgramArea]: readonly string[] } = {
  redaktionsplan: [PLAN_PATH],
  freigaben: ['freigaben'],
  textbausteine: ['textbausteine'],
  community: ['community'],
  'krisen-playbooks': ['krisen-playbooks'],
  einstellungen: [SETTINGS_PATH],
  programm: [PROGRAM_PATH],
};

/**
 * Settings exercises name the tab that holds what the rule counts, so the link lands where the
 * work is instead of on the settings' first tab (Mitglieder).
 */
const RULE_SEGMENTS: Partial<Record<ExerciseRuleId, readonly string[]>> = {
  'channels-active': [SETTINGS_PATH, CHANNELS_PATH],
  'topics-defined': [SETTINGS_PATH, TOPICS_PATH],
  'series-with-filled-slots': [SETTINGS_PATH, SERIES_PATH],
  'contributors-invited': [SETTINGS_PATH, MEMBERS_PATH],
};

/** The router link to the place where an exercise is done; null when that place is this page. */
export function exerciseLink(organizationId: string, exercise: Pick<Exercise, 'area'> & { readonly rule?: ExerciseRuleId }): string[] | null {
  if (exercise.area === 'programm') return null;
  const segments = (exercise.rule && exercise.area === 'einstellungen' ? RULE_SEGMENTS[exercise.rule] : undefined) ?? AREA_SEGMENTS[exercise.area];
  return organizationUrl(organizationId, ...segments);
}

export function programLink(organizationId: string): string[] {
  return organizationUrl(organizationId, PROGRAM_PATH);
}

const LINK_LABELS: { readonly [A in ProgramArea]: PlainMessageKey } = {
  redaktionsplan: 'program.goTo.plan',
  freigaben: 'program.goTo.approvals',
  textbausteine: 'program.goTo.textBlocks',
  community: 'program.goTo.community',
  'krisen-playbooks': 'program.goTo.playbooks',
  einstellungen: 'program.goTo.settings',
  programm: 'program.goTo.program',
};

/** "Zum Redaktionsplan": the link's text names the place it leads to. */
export function exerciseLinkLabel(area: ProgramArea): PlainMessageKey {
  return LINK_LABELS[area];
}

import type { Exercise, ExerciseRuleId, ProgramArea } from '@amtsplan/domain';
import { CHANNELS_PATH, MEMBERS_PATH, PLAN_PATH, SERIES_PATH, SETTINGS_PATH, TOPICS_PATH, organizationUrl } from '../shared/routing/paths';
import type { PlainMessageKey } from '../shared/i18n/translate';
import { COMMUNITY_PATH } from '../community/community-paths';
import { CRISIS_PATH } from '../crisis/crisis-paths';
import { TEXT_BLOCKS_PATH } from '../text-blocks/text-blocks-paths';
import { PROGRAM_PATH } from './program-paths';

/** Where in Amtsplan an area of the program is worked on (the side navigation's segments). */
const AREA_SEGMENTS: { readonly [A in ProgramArea]: readonly string[] } = {
  redaktionsplan: [PLAN_PATH],
  freigaben: ['freigaben'],
  textbausteine: [TEXT_BLOCKS_PATH],
  community: [COMMUNITY_PATH],
  'krisen-playbooks': [CRISIS_PATH],
  einstellungen: [SETTINGS_PATH],
  programm: [PROGRAM_PATH],
};

/**
 * Rules whose work has a more exact place than the area's first page: settings exercises name the
 * tab that holds what the rule counts (not the settings' first tab, Mitglieder), and "5 approved
 * text blocks" opens the new text block's form. The other areas' rules are done on the area's
 * first page: the Posteingang (answer with a text block), the Krisen-Playbooks overview (copy a
 * template, declare a drill).
 */
const RULE_SEGMENTS: Partial<Record<ExerciseRuleId, readonly string[]>> = {
  'channels-active': [SETTINGS_PATH, CHANNELS_PATH],
  'topics-defined': [SETTINGS_PATH, TOPICS_PATH],
  'series-with-filled-slots': [SETTINGS_PATH, SERIES_PATH],
  'contributors-invited': [SETTINGS_PATH, MEMBERS_PATH],
  'text-blocks-approved': [TEXT_BLOCKS_PATH, 'neu'],
};

/** The router link to the place where an exercise is done; null when that place is "Mein Programm". */
export function exerciseLink(organizationId: string, exercise: Pick<Exercise, 'area'> & { readonly rule?: ExerciseRuleId }): string[] | null {
  if (exercise.area === 'programm') return null;
  const segments = (exercise.rule ? RULE_SEGMENTS[exercise.rule] : undefined) ?? AREA_SEGMENTS[exercise.area];
  return organizationUrl(organizationId, ...segments);
}

/**
 * The link an area's exercise panel shows: the exact place when the rule has one (also inside its
 * own area, e.g. the new text block's form on the Textbausteine list), the area when the exercise
 * is done elsewhere (settings from the Redaktionsplan), none when the page itself is the place.
 */
export function panelLink(organizationId: string, panelArea: ProgramArea, exercise: Pick<Exercise, 'area'> & { readonly rule?: ExerciseRuleId }): string[] | null {
  if (exercise.area !== panelArea) return exerciseLink(organizationId, exercise);
  return exercise.rule && RULE_SEGMENTS[exercise.rule] ? exerciseLink(organizationId, exercise) : null;
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

const RULE_LINK_LABELS: Partial<Record<ExerciseRuleId, PlainMessageKey>> = {
  'text-blocks-approved': 'program.goTo.newTextBlock',
};

/** "Zum Redaktionsplan": the link's text names the place it leads to. */
export function exerciseLinkLabel(area: ProgramArea, rule?: ExerciseRuleId): PlainMessageKey {
  return (rule ? RULE_LINK_LABELS[rule] : undefined) ?? LINK_LABELS[area];
}

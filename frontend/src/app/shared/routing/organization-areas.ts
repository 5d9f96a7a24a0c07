import type { PlainMessageKey } from '../i18n/translate';
import { PLAN_PATH, SETTINGS_PATH } from './paths';

export interface OrganizationArea {
  readonly path: string;
  readonly label: PlainMessageKey;
  /** Ligature name in Material Symbols. */
  readonly icon: string;
}

/** The working areas of one authority, in the order of the side navigation (DESIGN.md glossary). */
export const ORGANIZATION_AREAS = [
  { path: PLAN_PATH, label: 'area.editorialPlan', icon: 'calendar_month' },
  { path: 'freigaben', label: 'area.approvals', icon: 'task_alt' },
  { path: 'textbausteine', label: 'area.textBlocks', icon: 'article' },
  { path: 'community', label: 'area.community', icon: 'forum' },
  { path: 'krisen-playbooks', label: 'area.crisisPlaybooks', icon: 'crisis_alert' },
  { path: 'lernprogramm', label: 'area.learningProgram', icon: 'school' },
  { path: SETTINGS_PATH, label: 'area.settings', icon: 'settings' },
] as const satisfies readonly OrganizationArea[];

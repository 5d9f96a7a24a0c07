import type { IncidentStatus, PlaybookVersionStatus } from '@amtsplan/domain';
import { DEFAULT_SHITSTORM_SCALE } from '@amtsplan/domain';
import type { PlainMessageKey } from '../shared/i18n/translate';

export const INCIDENT_STATUS_KEYS: { readonly [S in IncidentStatus]: PlainMessageKey } = {
  declared: 'crisis.status.declared',
  active: 'crisis.status.active',
  ended: 'crisis.status.ended',
  reviewed: 'crisis.status.reviewed',
};

export const VERSION_STATUS_KEYS: { readonly [S in PlaybookVersionStatus]: PlainMessageKey } = {
  draft: 'crisis.versionStatus.draft',
  in_approval: 'crisis.versionStatus.in_approval',
  approved: 'crisis.versionStatus.approved',
};

/** The levels to choose from: the default scale's names (a playbook's own names show on the incident). */
export const LEVEL_CHOICES = DEFAULT_SHITSTORM_SCALE.map((l) => ({ level: l.level, name: l.name }));

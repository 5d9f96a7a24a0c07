import { APPROVAL_DECISION_DONE_LABELS, APPROVAL_REQUEST_STATUS_LABELS, APPROVAL_STEP_STATUS_LABELS } from '@amtsplan/domain';
import { translate } from '../shared/i18n/translate';
import { DECIDED_KEYS, REQUEST_STATUS_KEYS, STEP_STATUS_KEYS } from './approval-labels';

describe('approval labels', () => {
  it('speak the domain glossary in German', () => {
    for (const [status, key] of Object.entries(REQUEST_STATUS_KEYS)) {
      expect(translate('de', key)).toBe(APPROVAL_REQUEST_STATUS_LABELS[status as keyof typeof APPROVAL_REQUEST_STATUS_LABELS]);
    }
    for (const [status, key] of Object.entries(STEP_STATUS_KEYS)) {
      expect(translate('de', key)).toBe(APPROVAL_STEP_STATUS_LABELS[status as keyof typeof APPROVAL_STEP_STATUS_LABELS]);
    }
    for (const [kind, key] of Object.entries(DECIDED_KEYS)) {
      expect(translate('de', key)).toBe(APPROVAL_DECISION_DONE_LABELS[kind as keyof typeof APPROVAL_DECISION_DONE_LABELS]);
    }
  });
});

import { ORGANIZATION_ROLES } from '@amtsplan/domain';
import { translate } from './translate';
import { roleLabelKey } from './role-labels';

describe('role labels', () => {
  it('name every role in the German words of the product', () => {
    const labels = Object.fromEntries(ORGANIZATION_ROLES.map((role) => [role, translate('de', roleLabelKey(role))]));

    expect(labels).toEqual({
      admin: 'Administration',
      editor: 'Redaktion',
      approver: 'Leitung (Freigabe)',
      contributor: 'Fachbereich',
      moderator: 'Community-Management',
      viewer: 'Lesezugriff',
    });
  });

  it('have an English label that differs where German is not understood', () => {
    expect(translate('en', roleLabelKey('editor'))).toBe('Editorial team');
    expect(translate('en', roleLabelKey('viewer'))).toBe('Read only');
  });

  it('are distinct, so a select never shows two identical options', () => {
    const labels = ORGANIZATION_ROLES.map((role) => translate('de', roleLabelKey(role)));
    expect(new Set(labels).size).toBe(ORGANIZATION_ROLES.length);
  });
});

import type { MeResponse } from '@amtsplan/contracts';
import { landingUrl } from './landing';

function me(overrides: Partial<MeResponse['user']>, memberships: MeResponse['memberships']): MeResponse {
  return {
    user: { id: 'u1', email: 'a@b.example', displayName: 'A', locale: 'de', isOperator: false, ...overrides },
    memberships,
  };
}

describe('landingUrl', () => {
  it('opens the editorial plan of the first authority', () => {
    const person = me({}, [{ id: 'm1', organization: { id: 'org-9', name: 'Landkreis Beispiel' }, role: 'editor' }]);
    expect(landingUrl(person)).toEqual(['/', 'o', 'org-9', 'redaktionsplan']);
  });

  it('opens the operator console for an operator without memberships', () => {
    expect(landingUrl(me({ isOperator: true }, []))).toEqual(['/', 'betrieb']);
  });

  it('explains the situation to someone who belongs nowhere yet', () => {
    expect(landingUrl(me({}, []))).toEqual(['/', 'ohne-behoerde']);
  });
});

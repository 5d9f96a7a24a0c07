import { CreateApprovalRouteRequest, DecisionRequest, UpdateApprovalSettingsRequest } from '../index';

describe('approval contracts', () => {
  const hash = 'a'.repeat(64);

  it('binds a decision to a SHA-256 content hash and names the decision in German when it is unknown', () => {
    expect(DecisionRequest.parse({ decision: 'approve', stepIndex: 0, contentHash: hash })).toEqual({ decision: 'approve', stepIndex: 0, contentHash: hash, comment: null });
    const unknown = DecisionRequest.safeParse({ decision: 'maybe', stepIndex: 0, contentHash: hash });
    expect(unknown.error?.issues[0]).toMatchObject({ path: ['decision'], message: 'Bitte freigeben, Änderungen erbitten oder ablehnen' });
    const short = DecisionRequest.safeParse({ decision: 'approve', stepIndex: 0, contentHash: 'abc' });
    expect(short.error?.issues[0]).toMatchObject({ path: ['contentHash'], message: 'Ungültige Prüfsumme des Inhalts' });
  });

  it('fills the defaults of a new route step and refuses unknown roles', () => {
    const route = CreateApprovalRouteRequest.parse({
      name: ' Krisenkommunikation ',
      conditions: { tags: ['Krise'] },
      steps: [{ name: 'Leitung', approvers: { kind: 'role', role: 'approver' }, mode: 'any', due: { kind: 'after_submission', hours: 24 } }],
    });
    expect(route).toMatchObject({ name: 'Krisenkommunikation', priority: 100, steps: [{ deputyUserId: null, skipWhenSubmittedBy: [] }] });
    const badRole = CreateApprovalRouteRequest.safeParse({
      name: 'X',
      conditions: {},
      steps: [{ name: 'X', approvers: { kind: 'role', role: 'boss' }, mode: 'any', due: { kind: 'after_submission', hours: 1 } }],
    });
    expect(badRole.error?.issues[0]).toMatchObject({ path: ['steps', 0, 'approvers', 'role'], message: 'Unbekannte Rolle' });
  });

  it('takes blackout periods as calendar days and refuses unknown settings', () => {
    expect(UpdateApprovalSettingsRequest.safeParse({ version: 1, electionBlackoutPeriods: [{ from: '1.9.2026', to: '2026-09-27' }] }).success).toBe(false);
    expect(UpdateApprovalSettingsRequest.safeParse({ version: 1, allowAuthorsAnything: true }).success).toBe(false);
  });
});

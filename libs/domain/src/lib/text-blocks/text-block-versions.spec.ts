import {
  editCreatesNewVersion,
  insertableVersion,
  isExpired,
  isReviewDue,
  offeredInPicker,
  textBlockReminders,
  textBlockStatus,
  versionStatusOf,
} from './text-block-versions';

const noValidity = { validFrom: null, validUntil: null, reviewOn: null };

describe('text block versions', () => {
  it('derives the version status from its latest request', () => {
    expect(versionStatusOf(null)).toBe('draft');
    expect(versionStatusOf('pending')).toBe('in_approval');
    expect(versionStatusOf('voided')).toBe('draft');
    expect(versionStatusOf('withdrawn')).toBe('draft');
  });

  it('keeps the approved version insertable while a newer one is in approval', () => {
    const versions = [
      { number: 1, status: 'approved' as const },
      { number: 2, status: 'in_approval' as const },
    ];
    expect(insertableVersion(versions)?.number).toBe(1);
    expect(textBlockStatus(versions, noValidity, '2026-12-07')).toBe('approved_new_in_approval');
  });

  it('replaces the approved version once the newer one is approved', () => {
    const versions = [
      { number: 1, status: 'approved' as const },
      { number: 2, status: 'approved' as const },
    ];
    expect(insertableVersion(versions)?.number).toBe(2);
    expect(textBlockStatus(versions, noValidity, '2026-12-07')).toBe('approved');
  });

  it('never offers an unapproved block', () => {
    for (const status of ['draft', 'in_approval', 'changes_requested', 'rejected'] as const) {
      expect(insertableVersion([{ number: 1, status }])).toBeNull();
      expect(offeredInPicker([{ number: 1, status }], noValidity, '2026-12-07')).toBe(false);
    }
  });

  it('hides expired and not yet valid blocks from the picker', () => {
    const approved = [{ number: 1, status: 'approved' as const }];
    expect(offeredInPicker(approved, { ...noValidity, validUntil: '2026-12-07' }, '2026-12-07')).toBe(true);
    expect(offeredInPicker(approved, { ...noValidity, validUntil: '2026-12-06' }, '2026-12-07')).toBe(false);
    expect(offeredInPicker(approved, { ...noValidity, validFrom: '2026-12-08' }, '2026-12-07')).toBe(false);
    expect(isExpired({ validUntil: '2026-12-06' }, '2026-12-07')).toBe(true);
    expect(textBlockStatus(approved, { validUntil: '2026-12-06' }, '2026-12-07')).toBe('expired');
  });

  it('edits a never-submitted draft in place, anything submitted in a new version', () => {
    expect(editCreatesNewVersion({ number: 1, status: 'draft' }, false)).toBe(false);
    expect(editCreatesNewVersion({ number: 1, status: 'draft' }, true)).toBe(true);
    expect(editCreatesNewVersion({ number: 1, status: 'approved' }, true)).toBe(true);
    expect(editCreatesNewVersion({ number: 1, status: 'changes_requested' }, true)).toBe(true);
  });

  it('plans reminders on the review date and the last valid day', () => {
    expect(textBlockReminders({ validFrom: null, validUntil: '2027-06-30', reviewOn: '2027-03-01' })).toEqual([
      { kind: 'review_due', on: '2027-03-01' },
      { kind: 'validity_ends', on: '2027-06-30' },
    ]);
    expect(isReviewDue({ reviewOn: '2027-03-01' }, '2027-03-01')).toBe(true);
  });
});

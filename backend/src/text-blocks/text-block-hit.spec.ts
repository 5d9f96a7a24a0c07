import { textBlockHit, type TextBlockHitRow } from './text-block-hit';

const row: TextBlockHitRow = {
  id: 'b1',
  shortCode: 'abfall',
  tags: ['müll'],
  usageCount: 3,
  lastUsedAt: '2026-03-01T09:30:00.123Z',
  validUntil: null,
  reviewOn: '2026-06-01',
  ownerUserId: 'u1',
  ownerDisplayName: 'Erika Muster',
  latestVersionId: 'v2',
  approvedVersionId: 'v1',
  latestStatus: 'in_approval',
  versionId: 'v1',
  versionNumber: 1,
  title: 'Abfuhr',
  bodySie: 'Sie …',
  bodyDu: null,
  categoryId: 'c1',
  categoryName: 'Abfall',
  platforms: ['mastodon'],
  status: 'approved',
};

describe('textBlockHit', () => {
  it('answers the row in TextBlockHit’s fields and order', () => {
    expect(JSON.stringify(textBlockHit(row, '2026-03-02'))).toBe(
      JSON.stringify({
        id: 'b1',
        shortCode: 'abfall',
        status: 'approved_new_in_approval',
        tags: ['müll'],
        usageCount: 3,
        lastUsedAt: '2026-03-01T09:30:00.123Z',
        validUntil: null,
        reviewOn: '2026-06-01',
        owner: { id: 'u1', displayName: 'Erika Muster' },
        versionId: 'v1',
        versionNumber: 1,
        title: 'Abfuhr',
        body: { sie: 'Sie …', du: null },
        category: { id: 'c1', name: 'Abfall' },
        platforms: ['mastodon'],
      }),
    );
  });

  it('takes the status from the latest version, the shown one when it is the latest or unseen', () => {
    expect(textBlockHit({ ...row, latestStatus: 'draft' }, '2026-03-02').status).toBe('approved_new_draft');
    expect(textBlockHit({ ...row, latestVersionId: 'v1', latestStatus: 'approved' }, '2026-03-02').status).toBe('approved');
    expect(textBlockHit({ ...row, approvedVersionId: null, versionId: 'v2', status: 'draft', latestStatus: null }, '2026-03-02').status).toBe('draft');
    expect(textBlockHit({ ...row, validUntil: '2026-03-01' }, '2026-03-02').status).toBe('expired');
  });

  it('names an owner the scope cannot see „Unbekannte Person“', () => {
    expect(textBlockHit({ ...row, ownerDisplayName: null }, '2026-03-02').owner).toEqual({ id: 'u1', displayName: 'Unbekannte Person' });
  });
});

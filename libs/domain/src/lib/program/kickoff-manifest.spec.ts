import { manifestTemplate, maySignManifest, signatureStillValid } from './kickoff-manifest';

describe('Kick-off-Manifest', () => {
  it('is signed only by leadership roles', () => {
    expect(maySignManifest('approver')).toBe(true);
    expect(maySignManifest('admin')).toBe(true);
    for (const role of ['editor', 'contributor', 'moderator', 'viewer'] as const) expect(maySignManifest(role)).toBe(false);
  });

  it('names the authority in the template', () => {
    expect(manifestTemplate('Stadt Musterstadt')).toContain('die Leitung von Stadt Musterstadt');
  });

  it('keeps a signature only for the text it was given for', () => {
    expect(signatureStillValid('A', 'A')).toBe(true);
    expect(signatureStillValid('A B', 'A')).toBe(false);
    expect(signatureStillValid('A', null)).toBe(false);
  });
});

import { safeReturnUrl } from './paths';

describe('safeReturnUrl', () => {
  it('accepts paths inside the app', () => {
    expect(safeReturnUrl('/o/org-1/einstellungen/mitglieder')).toBe('/o/org-1/einstellungen/mitglieder');
    expect(safeReturnUrl('/einladung/abc?x=1')).toBe('/einladung/abc?x=1');
  });

  it('refuses anything that could leave the site or loop back to the login', () => {
    for (const candidate of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/anmelden', '', null, undefined]) {
      expect(safeReturnUrl(candidate)).toBeNull();
    }
  });
});

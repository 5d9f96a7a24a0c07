import { AcceptInvitationRequest, CreateInvitationRequest, CreateOrganizationRequest, LoginRequest } from '../index';

describe('contracts', () => {
  it('normalises e-mail addresses', () => {
    expect(LoginRequest.parse({ email: ' Leitung@Musterstadt.example ', password: 'x' }).email).toBe(
      'leitung@musterstadt.example',
    );
  });

  it('rejects unknown fields with a German message', () => {
    const result = CreateInvitationRequest.safeParse({ email: 'a@b.de', role: 'editor', admin: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('Unbekannter Schlüssel');
  });

  it('rejects unknown roles', () => {
    const result = CreateInvitationRequest.safeParse({ email: 'a@b.de', role: 'superuser' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['role'], message: 'Unbekannte Rolle' });
  });

  it('requires a 12-character password for new accounts', () => {
    expect(AcceptInvitationRequest.safeParse({ displayName: 'Eva', password: 'short' }).success).toBe(false);
    expect(AcceptInvitationRequest.safeParse({ displayName: 'Eva', password: 'lang-genug-123' }).success).toBe(true);
  });

  it('checks time zones', () => {
    const base = { name: 'Stadt X', bundesland: 'NW', firstAdminEmail: 'a@b.de' };
    expect(CreateOrganizationRequest.parse(base).timeZone).toBe('Europe/Berlin');
    expect(CreateOrganizationRequest.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
  });
});

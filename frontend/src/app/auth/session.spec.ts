import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@amtsplan/contracts';
import { I18n } from '../shared/i18n/i18n';
import { Session } from './session';

const ME: MeResponse = {
  user: { id: 'u1', email: 'redaktion@musterstadt.example', displayName: 'Robin', locale: 'en', isOperator: false },
  memberships: [{ id: 'm1', organization: { id: 'org-1', name: 'Stadt Musterstadt' }, role: 'editor' }],
};

describe('Session', () => {
  let session: Session;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    session = TestBed.inject(Session);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks the server once and takes over the language stored on the account', async () => {
    const first = session.restore();
    http.expectOne('/api/auth/me').flush(ME);
    expect(await first).toEqual(ME);

    expect(await session.restore()).toEqual(ME);
    http.expectNone('/api/auth/me');
    expect(TestBed.inject(I18n).language()).toBe('en');
    expect(session.membershipIn('org-1')?.role).toBe('editor');
    expect(session.membershipIn('org-2')).toBeNull();
  });

  it('lets everyone who asks while the question is open wait for the same answer', async () => {
    const atStart = session.restore();
    const inGuard = session.restore();
    http.expectOne('/api/auth/me').flush(ME);

    expect(await atStart).toEqual(ME);
    expect(await inGuard).toEqual(ME);
  });

  it('remembers that nobody is logged in after a 401', async () => {
    const first = session.restore();
    http.expectOne('/api/auth/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(await first).toBeNull();

    expect(await session.restore()).toBeNull();
    http.expectNone('/api/auth/me');
  });

  it('asks again after the server could not be reached', async () => {
    const first = session.restore();
    http.expectOne('/api/auth/me').flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(await first).toBeNull();

    const second = session.restore();
    http.expectOne('/api/auth/me').flush(ME);
    expect(await second).toEqual(ME);
  });

  it('switches the language at once and stores it on the account', () => {
    session.adopt(ME);

    session.changeLanguage('de').subscribe();

    expect(TestBed.inject(I18n).language()).toBe('de');
    const request = http.expectOne('/api/auth/me');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ locale: 'de' });
    request.flush({ ...ME, user: { ...ME.user, locale: 'de' } });
  });
});

import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Session } from './session';
import { unauthenticatedInterceptor } from './unauthenticated.interceptor';

describe('unauthenticatedInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([unauthenticatedInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function answer401(url: string, method: 'GET' | 'POST' = 'GET'): Promise<unknown> {
    const call = firstValueFrom(method === 'GET' ? http.get(url) : http.post(url, {})).catch((error: unknown) => error);
    backend.expectOne(url).flush(null, { status: 401, statusText: 'Unauthorized' });
    return call;
  }

  it('sends the person to the login page when a session expires during work', async () => {
    const session = TestBed.inject(Session);
    session.adopt({
      user: { id: 'u', email: 'a@b.example', displayName: 'A', locale: 'de', isOperator: false },
      memberships: [],
    });

    const error = await answer401('/api/orgs/org-1/members');

    expect(navigate).toHaveBeenCalledWith(['/', 'anmelden'], { queryParams: { weiter: '/' } });
    expect(session.me()).toBeNull();
    expect(error).toMatchObject({ status: 401 });
  });

  it('leaves the 401 of the session probe and of a failed login to their callers', async () => {
    await answer401('/api/auth/me');
    await answer401('/api/auth/login', 'POST');

    expect(navigate).not.toHaveBeenCalled();
  });

  it('ignores other errors', async () => {
    const call = firstValueFrom(http.get('/api/orgs/org-1/members')).catch((error: unknown) => error);
    backend.expectOne('/api/orgs/org-1/members').flush(null, { status: 403, statusText: 'Forbidden' });
    await call;

    expect(navigate).not.toHaveBeenCalled();
  });
});

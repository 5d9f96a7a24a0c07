import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { EarlyAnswers, requestKey } from './early-answers';
import { EARLY_ANSWERS, earlyAnswersInterceptor } from './early-answers.interceptor';

/** A fetch that answers like the server: status and JSON text. */
function answering(status: number, body: unknown): jest.Mock {
  return jest.fn(async () => ({ status, statusText: status === 200 ? 'OK' : 'Unauthorized', text: async () => JSON.stringify(body) }));
}

describe('early answers', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => (globalThis.fetch = realFetch));

  it('treats the same parameters in another order or encoding as the same request', () => {
    expect(requestKey('/api/orgs/o1/plan-entries?to=2026-12-01T00%3A00%3A00.000Z&from=2026-11-01T00:00:00.000Z')).toBe(
      requestKey('/api/orgs/o1/plan-entries?from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00:00:00.000Z'),
    );
    expect(requestKey('/api/orgs/o1/plan-entries?unplanned=true')).not.toBe(requestKey('/api/orgs/o1/plan-entries?unplanned=false'));
  });

  it('sends a URL once while its answer is fresh and hands the answer over once', async () => {
    globalThis.fetch = answering(200, { id: 'o1' }) as unknown as typeof fetch;
    let now = 1000;
    const early = new EarlyAnswers(() => now);

    early.ask('/api/orgs/o1');
    early.ask('/api/orgs/o1');
    expect(globalThis.fetch).toHaveBeenCalledTimes(1);
    expect(await early.take('/api/orgs/o1')).toEqual({ status: 200, statusText: 'OK', body: { id: 'o1' } });
    expect(early.take('/api/orgs/o1')).toBeNull();

    early.ask('/api/orgs/o1');
    now += 10_001;
    expect(early.take('/api/orgs/o1')).toBeNull();
  });

  it('answers null when the server cannot be reached', async () => {
    globalThis.fetch = jest.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    expect(await new EarlyAnswers().ask('/api/auth/me')).toBeNull();
  });

  describe('in the app', () => {
    let early: EarlyAnswers;
    let http: HttpClient;
    let server: HttpTestingController;

    beforeEach(() => {
      early = new EarlyAnswers();
      TestBed.configureTestingModule({
        providers: [provideHttpClient(withInterceptors([earlyAnswersInterceptor])), provideHttpClientTesting(), { provide: EARLY_ANSWERS, useValue: early }],
      });
      http = TestBed.inject(HttpClient);
      server = TestBed.inject(HttpTestingController);
    });

    afterEach(() => server.verify());

    it('gives the app the early answer instead of asking again, and asks the server the next time', async () => {
      globalThis.fetch = answering(200, [{ id: 'c1' }]) as unknown as typeof fetch;
      early.ask('/api/orgs/o1/channels');

      expect(await firstValueFrom(http.get('/api/orgs/o1/channels'))).toEqual([{ id: 'c1' }]);
      server.expectNone('/api/orgs/o1/channels');

      const again = firstValueFrom(http.get('/api/orgs/o1/channels'));
      server.expectOne('/api/orgs/o1/channels').flush([]);
      expect(await again).toEqual([]);
    });

    it('passes an error answer on as the error the server gave', async () => {
      globalThis.fetch = answering(401, { type: 'urn:amtsplan:problem:unauthenticated' }) as unknown as typeof fetch;
      early.ask('/api/auth/me');

      const failure = await firstValueFrom(http.get('/api/auth/me')).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(HttpErrorResponse);
      expect(failure).toMatchObject({ status: 401, error: { type: 'urn:amtsplan:problem:unauthenticated' } });
    });

    it('asks the server itself when the early request found none', async () => {
      globalThis.fetch = jest.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
      early.ask('/api/auth/me');

      const me = firstValueFrom(http.get('/api/auth/me'));
      await new Promise((resolve) => setTimeout(resolve));
      server.expectOne('/api/auth/me').flush({ user: { id: 'u1' } });
      expect(await me).toEqual({ user: { id: 'u1' } });
    });
  });
});

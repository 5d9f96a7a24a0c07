import { HttpErrorResponse, type HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import { from, of, switchMap, throwError } from 'rxjs';
import { EarlyAnswers } from './early-answers';

/** The answers main.ts asked for before Angular had loaded (start-app.ts hands them over). */
export const EARLY_ANSWERS = new InjectionToken<EarlyAnswers>('EARLY_ANSWERS', { providedIn: 'root', factory: () => new EarlyAnswers() });

/**
 * A GET for which an early answer is at hand gets that answer instead of a second request: the
 * same response or error the server gave, so every interceptor and caller behaves as usual.
 */
export const earlyAnswersInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.method !== 'GET' || request.responseType !== 'json') return next(request);
  const early = inject(EARLY_ANSWERS).take(request.urlWithParams);
  if (!early) return next(request);
  const url = request.urlWithParams;
  return from(early).pipe(
    switchMap((answer) => {
      if (answer === null) return next(request);
      const { status, statusText, body } = answer;
      if (status >= 200 && status < 300) return of(new HttpResponse({ body, status, statusText, url }));
      return throwError(() => new HttpErrorResponse({ error: body, status, statusText, url }));
    }),
  );
};

import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { LOGIN_PATH, RETURN_URL_PARAM } from '../shared/routing/paths';
import { Session } from './session';

/** These calls answer 401 as part of their normal work: "nobody is logged in" and "wrong password". */
const SESSION_PROBES = ['/api/auth/me', '/api/auth/login'];

/**
 * A 401 anywhere else means the session expired (idle or absolute timeout) while a page was
 * open; send the person to the login page and bring them back afterwards.
 */
export const unauthenticatedInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const session = inject(Session);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !isSessionProbe(request.url)) {
        session.forget();
        const current = router.url;
        const returnTo = current.startsWith(`/${LOGIN_PATH}`) ? undefined : current;
        void router.navigate(['/', LOGIN_PATH], { queryParams: { [RETURN_URL_PARAM]: returnTo } });
      }
      return throwError(() => error);
    }),
  );
};

function isSessionProbe(url: string): boolean {
  const path = url.split('?')[0];
  return SESSION_PROBES.includes(path);
}

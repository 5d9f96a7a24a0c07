import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import localeDe from '@angular/common/locales/de';
import {
  type ApplicationConfig,
  LOCALE_ID,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, type MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { MatIconRegistry } from '@angular/material/icon';
import { TitleStrategy, provideRouter, withComponentInputBinding, withRouterConfig } from '@angular/router';
import { appRoutes } from './app.routes';
import { Session } from './auth/session';
import { unauthenticatedInterceptor } from './auth/unauthenticated.interceptor';
import { CSRF_COOKIE_NAME, CSRF_HEADER_NAME } from './shared/http/api-contract';
import { earlyAnswersInterceptor } from './shared/http/early-answers.interceptor';
import { TranslatedTitleStrategy } from './shared/routing/page-title';

registerLocaleData(localeDe);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      // Pages deep below /o/:orgId receive `orgId` as an input without walking the route tree.
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
    ),
    provideHttpClient(
      // Early answers inside: a 401 handed over from main.ts still sends the person to the login page.
      withInterceptors([unauthenticatedInterceptor, earlyAnswersInterceptor]),
      // The API sets this cookie on every response and refuses state-changing calls without the header.
      withXsrfConfiguration({ cookieName: CSRF_COOKIE_NAME, headerName: CSRF_HEADER_NAME }),
    ),
    { provide: LOCALE_ID, useValue: 'de-DE' },
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } satisfies MatFormFieldDefaultOptions,
    },
    provideAppInitializer(() => {
      // The icon font is bundled from @fontsource; Material's default class expects the older Material Icons font.
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined', 'mat-ligature-font');
    }),
    provideAppInitializer(() => {
      // Not awaited: the app does not wait for the server. The route guards then wait for this
      // answer instead of asking themselves; main.ts has usually sent the request already.
      void inject(Session).restore();
    }),
  ],
};

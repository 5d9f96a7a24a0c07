import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, MeResponse, MembershipView, UpdateProfileRequest } from '@amtsplan/contracts';
import { type Permission, roleAllows } from '@amtsplan/domain';
import { type Observable, catchError, firstValueFrom, map, of, tap } from 'rxjs';
import { I18n } from '../shared/i18n/i18n';
import type { Language } from '../shared/i18n/translate';

/** `undefined` until the server was asked; `null` when nobody is logged in. */
type SessionState = MeResponse | null | undefined;

@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);
  private readonly state = signal<SessionState>(undefined);

  readonly me = computed(() => this.state() ?? null);
  readonly memberships = computed<readonly MembershipView[]>(() => this.me()?.memberships ?? []);

  /** The question in flight, so the app's start and the route guards share one request. */
  private asking: Promise<MeResponse | null> | null = null;

  /**
   * Asks the server once per page load; later calls answer from memory, and calls while the
   * question is open wait for the same answer. When the server cannot be reached the answer is
   * "nobody", but it is not remembered, so the login page still opens and the next navigation
   * asks again.
   */
  restore(): Promise<MeResponse | null> {
    const known = this.state();
    if (known !== undefined) return Promise.resolve(known);
    this.asking ??= this.ask().finally(() => (this.asking = null));
    return this.asking;
  }

  private async ask(): Promise<MeResponse | null> {
    try {
      const me = await firstValueFrom(this.http.get<MeResponse>('/api/auth/me'));
      // A login or logout that answered meanwhile is newer than this question.
      if (this.state() === undefined) this.adopt(me);
      return this.state() ?? null;
    } catch (error: unknown) {
      if (error instanceof HttpErrorResponse && error.status === 401 && this.state() === undefined) this.adopt(null);
      return this.state() ?? null;
    }
  }

  /** Re-reads memberships after a change that may have altered the person's own role. */
  refresh(): Observable<MeResponse> {
    return this.http.get<MeResponse>('/api/auth/me').pipe(tap((me) => this.adopt(me)));
  }

  login(credentials: LoginRequest): Observable<MeResponse> {
    return this.http.post<MeResponse>('/api/auth/login', credentials).pipe(tap((me) => this.adopt(me)));
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null).pipe(
      // The person wants out; a failed call must not keep them looking at their data.
      catchError(() => of(undefined)),
      tap(() => this.forget()),
      map(() => undefined),
    );
  }

  /** Switches at once, then remembers the choice for the next login on any device. */
  changeLanguage(language: Language): Observable<MeResponse> {
    this.i18n.use(language);
    const body: UpdateProfileRequest = { locale: language };
    return this.http.patch<MeResponse>('/api/auth/me', body).pipe(tap((me) => this.adopt(me)));
  }

  /** After accepting an invitation the server answers with the new state of the account. */
  adopt(me: MeResponse | null): void {
    this.state.set(me);
    if (me) this.i18n.use(me.user.locale);
  }

  forget(): void {
    this.state.set(null);
  }

  membershipIn(organizationId: string): MembershipView | null {
    return this.memberships().find((m) => m.organization.id === organizationId) ?? null;
  }

  /**
   * Whether the person's role in that authority allows it. The same table guards the API, so
   * the UI offers nothing the API would refuse.
   */
  allows(organizationId: string, permission: Permission): boolean {
    const membership = this.membershipIn(organizationId);
    return membership !== null && roleAllows(membership.role, permission);
  }
}

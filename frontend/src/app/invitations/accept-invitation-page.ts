import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { AcceptInvitationRequest, InvitationPreview, MeResponse } from '@amtsplan/contracts';
import { type Observable, catchError, map, of, switchMap } from 'rxjs';
import { landingUrl } from '../auth/landing';
import { Session } from '../auth/session';
import { problemOf } from '../shared/http/problem';
import { applyProblemToForm } from '../shared/http/problem-form';
import { ProblemNotice, describeFailure } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { roleLabelKey } from '../shared/i18n/role-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { INVITATION_PATH, LOGIN_PATH, RETURN_URL_PARAM, organizationUrl } from '../shared/routing/paths';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { EntryLayout } from '../shared/ui/entry-layout';
import { InlineAlert } from '../shared/ui/inline-alert';
import { InvitationAcceptanceApi } from './invitation-acceptance-api';

/** Mirrors the API's minimum (libs/contracts newPassword) so people learn it before sending. */
const MIN_PASSWORD_LENGTH = 12;

type Lookup =
  | { readonly state: 'loading' }
  | { readonly state: 'not-found' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'found'; readonly invitation: InvitationPreview };

/** What the person can do with this invitation, given who (if anyone) is logged in. */
export type AcceptanceMode = 'create-account' | 'log-in-first' | 'accept' | 'other-account';

export function acceptanceMode(invitation: InvitationPreview, me: MeResponse | null): AcceptanceMode {
  if (me) return me.user.email.toLowerCase() === invitation.email.toLowerCase() ? 'accept' : 'other-account';
  return invitation.accountExists ? 'log-in-first' : 'create-account';
}

@Component({
  selector: 'amt-accept-invitation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    EntryLayout,
    FieldErrorPipe,
    InlineAlert,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accept-invitation-page.html',
  styleUrl: './accept-invitation-page.scss',
})
export class AcceptInvitationPage {
  private readonly api = inject(InvitationAcceptanceApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly token = input.required<string>();

  protected readonly lookup = signal<Lookup>({ state: 'loading' });
  protected readonly me = this.session.me;
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);
  protected readonly roleLabelKey = roleLabelKey;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;

  protected readonly mode = computed(() => {
    const lookup = this.lookup();
    return lookup.state === 'found' ? acceptanceMode(lookup.invitation, this.me()) : null;
  });
  protected readonly loginLink = ['/', LOGIN_PATH];
  protected readonly loginQuery = computed(() => ({ [RETURN_URL_PARAM]: `/${INVITATION_PATH}/${this.token()}` }));

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(120)]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(256)]],
  });

  constructor() {
    toObservable(this.token)
      .pipe(
        switchMap((token) => this.find(token)),
        takeUntilDestroyed(),
      )
      .subscribe((lookup) => this.lookup.set(lookup));
  }

  protected createAccount(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.send(this.form.getRawValue());
  }

  protected acceptAsLoggedIn(): void {
    this.send({});
  }

  protected logout(): void {
    this.session.logout().subscribe();
  }

  private send(request: AcceptInvitationRequest): void {
    if (this.pending()) return;
    this.pending.set(true);
    this.alert.set(null);
    this.api.accept(this.token(), request).subscribe({
      next: (me) => {
        this.session.adopt(me);
        const lookup = this.lookup();
        const name = lookup.state === 'found' ? lookup.invitation.organizationName : '';
        const joined = me.memberships.find((membership) => membership.organization.name === name);
        this.notice.confirm(this.i18n.t('acceptInvitation.welcome', { organization: name }));
        void this.router.navigate(joined ? organizationUrl(joined.organization.id) : landingUrl(me));
      },
      error: (error: unknown) => {
        this.pending.set(false);
        const problem = problemOf(error);
        const unmatched = problem ? applyProblemToForm(this.form, problem) : [];
        const everyErrorAtItsField = (problem?.errors?.length ?? 0) > 0 && unmatched.length === 0;
        if (!everyErrorAtItsField) {
          this.alert.set([describeFailure(error, this.i18n), ...unmatched.map((e) => e.message)].join(' '));
        }
      },
    });
  }

  private find(token: string): Observable<Lookup> {
    return this.api.preview(token).pipe(
      map((invitation): Lookup => ({ state: 'found', invitation })),
      catchError((error: unknown) =>
        of<Lookup>(
          error instanceof HttpErrorResponse && error.status === 404
            ? { state: 'not-found' }
            : { state: 'failed', message: describeFailure(error, this.i18n) },
        ),
      ),
    );
  }
}

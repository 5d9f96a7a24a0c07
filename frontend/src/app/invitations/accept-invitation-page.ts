import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { AcceptInvitationRequest, InvitationPreview, MeResponse } from '@amtsplan/contracts';
import { type Observable, catchError, of, throwError } from 'rxjs';
import { landingUrl } from '../auth/landing';
import { Session } from '../auth/session';
import { loadOnRequest } from '../shared/http/load-on-request';
import { formProblemAlert } from '../shared/http/problem-form';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { roleLabelKey } from '../shared/i18n/role-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { INVITATION_PATH, LOGIN_PATH, RETURN_URL_PARAM, organizationUrl } from '../shared/routing/paths';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { EntryLayout } from '../shared/ui/entry-layout';
import { InlineAlert } from '../shared/ui/inline-alert';
import { LoadStatus } from '../shared/ui/load-status';
import { InvitationAcceptanceApi } from './invitation-acceptance-api';

/** Mirrors the API's minimum (libs/contracts newPassword) so people learn it before sending. */
const MIN_PASSWORD_LENGTH = 12;

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
    EntryLayout,
    FieldErrorPipe,
    InlineAlert,
    LoadStatus,
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

  /** The invitation behind the link, or null when there is none (unknown, expired or used). */
  protected readonly lookup = loadOnRequest({ params: () => this.token(), load: (token) => this.find(token) });
  private readonly invitation = computed(() => {
    const lookup = this.lookup.current();
    return lookup.state === 'loaded' ? lookup.value : null;
  });
  protected readonly me = this.session.me;
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);
  protected readonly roleLabelKey = roleLabelKey;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;

  protected readonly mode = computed(() => {
    const invitation = this.invitation();
    return invitation ? acceptanceMode(invitation, this.me()) : null;
  });
  protected readonly loginLink = ['/', LOGIN_PATH];
  protected readonly loginQuery = computed(() => ({ [RETURN_URL_PARAM]: `/${INVITATION_PATH}/${this.token()}` }));

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(120)]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(256)]],
  });

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
        const name = this.invitation()?.organizationName ?? '';
        const joined = me.memberships.find((membership) => membership.organization.name === name);
        this.notice.confirm(this.i18n.t('acceptInvitation.welcome', { organization: name }));
        void this.router.navigate(joined ? organizationUrl(joined.organization.id) : landingUrl(me));
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
      },
    });
  }

  /** An unknown, expired or used link is an answer, not a failure: it gets its own page, without "try again". */
  private find(token: string): Observable<InvitationPreview | null> {
    return this.api
      .preview(token)
      .pipe(
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error),
        ),
      );
  }
}

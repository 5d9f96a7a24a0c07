import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, type ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { MeResponse } from '@amtsplan/contracts';
import { formProblemAlert } from '../../shared/http/problem-form';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { safeReturnUrl } from '../../shared/routing/paths';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { EntryLayout } from '../../shared/ui/entry-layout';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { landingUrl } from '../landing';
import { retryAfterMinutes } from '../retry-after';
import { Session } from '../session';

@Component({
  selector: 'amt-login-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    EntryLayout,
    FieldErrorPipe,
    InlineAlert,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** `?weiter=/o/…` from a redirect: where the person wanted to go before logging in. */
  readonly weiter = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);
  protected readonly passwordVisible = signal(false);

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalidField();
      return;
    }
    this.pending.set(true);
    this.alert.set(null);
    this.session.login(this.form.getRawValue()).subscribe({
      next: (me) => this.proceed(me),
      error: (error: unknown) => {
        this.pending.set(false);
        this.alert.set(this.explain(error));
        this.focusFirstInvalidField();
      },
    });
  }

  private proceed(me: MeResponse): void {
    const target = safeReturnUrl(this.weiter());
    void (target ? this.router.navigateByUrl(target) : this.router.navigate(landingUrl(me)));
  }

  /** @returns the text for the alert above the form, or null when every message sits at its field. */
  private explain(error: unknown): string | null {
    if (error instanceof HttpErrorResponse && error.status === 401) return this.i18n.t('login.invalidCredentials');
    if (error instanceof HttpErrorResponse && error.status === 429) {
      const minutes = retryAfterMinutes(error.headers.get('Retry-After'), new Date());
      return minutes === 1
        ? this.i18n.t('login.tooManyAttemptsOneMinute')
        : this.i18n.t('login.tooManyAttempts', { minutes });
    }
    return formProblemAlert(this.form, error, this.i18n);
  }

  private focusFirstInvalidField(): void {
    if (this.form.controls.email.invalid) this.emailInput().nativeElement.focus();
    else if (this.form.controls.password.invalid) this.passwordInput().nativeElement.focus();
  }
}

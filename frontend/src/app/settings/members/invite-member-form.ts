import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { InvitationCreated } from '@amtsplan/contracts';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@amtsplan/domain';
import { formProblemAlert } from '../../shared/http/problem-form';
import { I18n } from '../../shared/i18n/i18n';
import { roleLabelKey } from '../../shared/i18n/role-labels';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { InvitationsApi } from './invitations-api';

@Component({
  selector: 'amt-invite-member-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    InlineAlert,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 id="invite-heading">{{ 'invite.heading' | t }}</h3>
    @if (alert(); as alert) {
      <amt-inline-alert class="alert">{{ alert }}</amt-inline-alert>
    }
    <form
      [formGroup]="form"
      #formDirective="ngForm"
      (ngSubmit)="submit(formDirective)"
      novalidate
      class="invite"
      aria-labelledby="invite-heading"
    >
      <mat-form-field class="invite__email">
        <mat-label>{{ 'invite.email' | t }}</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" spellcheck="false" required />
        <mat-error>{{ form.controls.email.errors | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field class="invite__role">
        <mat-label>{{ 'invite.role' | t }}</mat-label>
        <mat-select formControlName="role" required>
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ roleLabelKey(role) | t }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.role.errors | fieldError }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" class="invite__submit" [disabled]="pending()">
        {{ 'invite.submit' | t }}
      </button>
    </form>
  `,
  styles: `
    .invite {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 16px;
      align-items: flex-start;
    }
    .invite__email {
      flex: 2 1 260px;
    }
    .invite__role {
      flex: 1 1 200px;
    }
    .invite__submit {
      height: 56px;
    }
    .alert {
      margin-bottom: 16px;
    }
  `,
})
export class InviteMemberForm {
  private readonly api = inject(InvitationsApi);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly invited = output<InvitationCreated>();

  protected readonly roles = ORGANIZATION_ROLES;
  protected readonly roleLabelKey = roleLabelKey;
  // No default role: the inviter decides consciously what the new person may do.
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    email: ['', [Validators.required, Validators.email]],
    role: this.formBuilder.control<OrganizationRole | null>(null, Validators.required),
  });
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);

  protected submit(formDirective: FormGroupDirective): void {
    if (this.pending()) return;
    const { email, role } = this.form.getRawValue();
    if (this.form.invalid || role === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.alert.set(null);
    this.api.create(this.organizationId(), { email, role }).subscribe({
      next: (created) => {
        this.pending.set(false);
        // Resetting through the directive also clears "submitted", so the empty form shows no errors.
        formDirective.resetForm();
        this.invited.emit(created);
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
      },
    });
  }
}

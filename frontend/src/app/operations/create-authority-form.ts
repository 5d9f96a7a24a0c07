import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { BUNDESLAENDER, type Bundesland } from '@amtsplan/domain';
import { formProblemAlert } from '../shared/http/problem-form';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { bundeslandNameKey } from './bundesland-names';
import { type OrganizationCreated, OperatorOrganizationsApi } from './operator-organizations-api';

/** Mirrors the API's limits (libs/contracts CreateOrganizationRequest) so people learn them before sending. */
const NAME_MIN_LENGTH = 2;
const NAME_MAX_LENGTH = 200;

/** The API's answer plus the address the link belongs to, which the answer does not repeat. */
export interface AuthorityCreated extends OrganizationCreated {
  readonly firstAdminEmail: string;
}

@Component({
  selector: 'amt-create-authority-form',
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
    <h2 id="create-authority-heading">{{ 'createAuthority.heading' | t }}</h2>
    @if (alert(); as alert) {
      <amt-inline-alert class="alert">{{ alert }}</amt-inline-alert>
    }
    <form
      [formGroup]="form"
      #formDirective="ngForm"
      (ngSubmit)="submit(formDirective)"
      novalidate
      class="create"
      aria-labelledby="create-authority-heading"
    >
      <mat-form-field>
        <mat-label>{{ 'createAuthority.name' | t }}</mat-label>
        <input matInput formControlName="name" autocomplete="organization" [attr.maxlength]="nameMaxLength" required />
        <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'createAuthority.bundesland' | t }}</mat-label>
        <mat-select formControlName="bundesland" required>
          @for (bundesland of bundeslaender; track bundesland) {
            <mat-option [value]="bundesland">{{ bundeslandNameKey(bundesland) | t }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ 'createAuthority.bundeslandHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.bundesland.errors | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'createAuthority.firstAdminEmail' | t }}</mat-label>
        <input matInput type="email" formControlName="firstAdminEmail" autocomplete="off" spellcheck="false" required />
        <mat-hint>{{ 'createAuthority.firstAdminEmailHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.firstAdminEmail.errors | fieldError }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" class="create__submit" [disabled]="pending()">
        {{ 'createAuthority.submit' | t }}
      </button>
    </form>
  `,
  styles: `
    /* One column: three fields with hints read better stacked than squeezed into a row. */
    .create {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 8px;
      max-width: 560px;
    }
    .create__submit {
      align-self: flex-start;
      margin-top: 8px;
    }
    .alert {
      margin-bottom: 16px;
      max-width: 560px;
    }
  `,
})
export class CreateAuthorityForm {
  private readonly api = inject(OperatorOrganizationsApi);
  private readonly i18n = inject(I18n);

  readonly created = output<AuthorityCreated>();

  protected readonly bundeslaender = BUNDESLAENDER;
  protected readonly bundeslandNameKey = bundeslandNameKey;
  protected readonly nameMaxLength = NAME_MAX_LENGTH;
  // No default state: it decides the public holidays, so the operator chooses it consciously.
  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    name: ['', [Validators.required, Validators.minLength(NAME_MIN_LENGTH), Validators.maxLength(NAME_MAX_LENGTH)]],
    bundesland: this.formBuilder.control<Bundesland | null>(null, Validators.required),
    firstAdminEmail: ['', [Validators.required, Validators.email]],
  });
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);

  protected submit(formDirective: FormGroupDirective): void {
    if (this.pending()) return;
    const { name, bundesland, firstAdminEmail } = this.form.getRawValue();
    if (this.form.invalid || bundesland === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.alert.set(null);
    // The time zone is left to the API's default (Europe/Berlin), the zone of every German authority.
    const request = { name: name.trim(), bundesland, firstAdminEmail: firstAdminEmail.trim() };
    this.api.create(request).subscribe({
      next: (created) => {
        this.pending.set(false);
        // Resetting through the directive also clears "submitted", so the empty form shows no errors.
        formDirective.resetForm();
        this.created.emit({ ...created, firstAdminEmail: request.firstAdminEmail });
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
      },
    });
  }
}

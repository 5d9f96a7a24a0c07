import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChildren } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import type { OrganizationPlaceholderView, TextBlockSettingsView } from '@amtsplan/contracts';
import { BUILT_IN_PLACEHOLDERS } from '@amtsplan/domain';
import { applyProblemToForm, SERVER_ERROR } from '../shared/http/problem-form';
import { problemOf } from '../shared/http/problem';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { TextBlocksApi } from './text-blocks-api';

type PlaceholderForm = FormGroup<{ key: FormControl<string>; label: FormControl<string>; defaultValue: FormControl<string> }>;

function placeholderForm(p: Partial<OrganizationPlaceholderView> = {}): PlaceholderForm {
  return new FormGroup({
    key: new FormControl(p.key ?? '', { nonNullable: true }),
    label: new FormControl(p.label ?? '', { nonNullable: true }),
    defaultValue: new FormControl(p.defaultValue ?? '', { nonNullable: true }),
  });
}

/**
 * The organization's form of address and its own placeholders with default values
 * (`{{telefon}}` → the switchboard's number). Admins only; the server checks keys (format,
 * built-in names, doubles) and answers 409 when someone else saved meanwhile.
 */
@Component({
  selector: 'amt-text-block-settings-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatRadioModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <a mat-button routerLink=".."><mat-icon aria-hidden="true">arrow_back</mat-icon>{{ 'textBlocks.settings.back' | t }}</a>
    <h1>{{ 'textBlocks.settings.heading' | t }}</h1>
    @if (loaded()) {
      <form [formGroup]="form" (ngSubmit)="save()">
        <fieldset>
          <legend>{{ 'textBlocks.settings.addressForm' | t }}</legend>
          <mat-radio-group formControlName="addressForm" class="radios">
            <mat-radio-button value="sie">{{ 'textBlocks.settings.sie' | t }}</mat-radio-button>
            <mat-radio-button value="du">{{ 'textBlocks.settings.du' | t }}</mat-radio-button>
          </mat-radio-group>
        </fieldset>

        <section aria-labelledby="placeholders-heading">
          <h2 id="placeholders-heading">{{ 'textBlocks.settings.placeholders' | t }}</h2>
          <p class="amt-muted">{{ 'textBlocks.settings.builtIn' | t: { names: builtIn } }}</p>
          <ol class="placeholders" formArrayName="placeholders">
            @for (group of placeholders.controls; track group; let i = $index) {
              <li [formGroupName]="i">
                <mat-form-field>
                  <mat-label>{{ 'textBlocks.settings.key' | t }}</mat-label>
                  <span matTextPrefix>&#123;&#123;</span>
                  <input #keyInput matInput formControlName="key" autocomplete="off" spellcheck="false" />
                  <span matTextSuffix>&#125;&#125;</span>
                  @if (group.controls.key.hasError(serverError)) {
                    <mat-error>{{ group.controls.key.getError(serverError) }}</mat-error>
                  } @else {
                    <mat-hint>{{ 'textBlocks.settings.keyHint' | t }}</mat-hint>
                  }
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'textBlocks.settings.label' | t }}</mat-label>
                  <input matInput formControlName="label" />
                  @if (group.controls.label.hasError(serverError)) {
                    <mat-error>{{ group.controls.label.getError(serverError) }}</mat-error>
                  }
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'textBlocks.settings.defaultValue' | t }}</mat-label>
                  <input matInput formControlName="defaultValue" />
                  @if (group.controls.defaultValue.hasError(serverError)) {
                    <mat-error>{{ group.controls.defaultValue.getError(serverError) }}</mat-error>
                  }
                </mat-form-field>
                <button mat-button type="button" (click)="remove(i)" [attr.aria-label]="'textBlocks.settings.removeNamed' | t: { n: i + 1 }">{{ 'textBlocks.settings.remove' | t }}</button>
              </li>
            } @empty {
              <li class="amt-muted">{{ 'textBlocks.settings.none' | t }}</li>
            }
          </ol>
          <button mat-stroked-button type="button" (click)="add()"><mat-icon aria-hidden="true">add</mat-icon>{{ 'textBlocks.settings.add' | t }}</button>
        </section>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ 'textBlocks.settings.save' | t }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    form {
      max-width: 900px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 16px;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
    }
    .placeholders {
      padding: 0;
      list-style: none;
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: flex-start;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        padding: 8px 0;
      }
      mat-form-field {
        flex: 1 1 200px;
        min-width: 0;
      }
      button {
        margin-top: 8px;
      }
    }
    .actions {
      margin-top: 24px;
    }
  `,
})
export class TextBlockSettingsPage {
  private readonly api = inject(TextBlocksApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);
  readonly orgId = input.required<string>();

  protected readonly builtIn = BUILT_IN_PLACEHOLDERS.map((key) => `{{${key}}}`).join(', ');
  protected readonly serverError = SERVER_ERROR;
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  private version = 0;
  private readonly keyInputs = viewChildren<ElementRef<HTMLInputElement>>('keyInput');

  protected readonly placeholders = new FormArray<PlaceholderForm>([]);
  protected readonly form = new FormGroup({
    addressForm: new FormControl<'sie' | 'du'>('sie', { nonNullable: true }),
    placeholders: this.placeholders,
  });

  constructor() {
    queueMicrotask(() => this.load());
  }

  private load(): void {
    this.api.settings(this.orgId()).subscribe({
      next: (settings) => this.show(settings),
      error: (error: unknown) => this.notice.showError(error),
    });
  }

  private show(settings: TextBlockSettingsView): void {
    this.version = settings.version;
    this.placeholders.clear();
    for (const p of settings.placeholders) this.placeholders.push(placeholderForm(p));
    this.form.controls.addressForm.setValue(settings.addressForm);
    this.loaded.set(true);
  }

  protected add(): void {
    this.placeholders.push(placeholderForm());
    // After the change detection that renders the new row.
    setTimeout(() => this.keyInputs().at(-1)?.nativeElement.focus());
  }

  protected remove(index: number): void {
    this.placeholders.removeAt(index);
  }

  protected save(): void {
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .updateSettings(this.orgId(), {
        version: this.version,
        addressForm: value.addressForm,
        placeholders: value.placeholders.map((p) => ({ key: p.key.trim(), label: p.label.trim(), defaultValue: p.defaultValue.trim() || null })),
      })
      .subscribe({
        next: (saved) => {
          this.busy.set(false);
          this.show(saved);
          this.notice.confirm(this.i18n.t('textBlocks.settings.saved'));
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = problemOf(error);
          if (problem?.status === 409) {
            this.notice.showErrorText(this.i18n.t('textBlocks.settings.stale'));
            this.load();
            return;
          }
          if (problem?.errors?.length && applyProblemToForm(this.form, problem).length === 0) return;
          this.notice.showError(error);
        },
      });
  }
}

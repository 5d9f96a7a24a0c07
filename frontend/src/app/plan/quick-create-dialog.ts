import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ChannelView, PostView } from '@amtsplan/contracts';
import { formProblemAlert } from '../shared/http/problem-form';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { FieldErrorPipe } from '../shared/ui/field-error.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { dayLabel } from './day-label';
import { planningOf } from './editor/post-fields';
import { PostsApi } from './posts-api';

export interface QuickCreateData {
  readonly organizationId: string;
  /** 'YYYY-MM-DD', or null to leave the post in the Themenspeicher. */
  readonly date: string | null;
  readonly timeZone: string;
  readonly channels: readonly ChannelView[];
}

/** A post in three fields from a day of the calendar; the editor opens right after for the rest. */
@Component({
  selector: 'amt-quick-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    InlineAlert,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.date ? ('plan.quickCreateOn' | t: { date: dateLabel }) : ('plan.quickCreate' | t) }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="quick">
        @if (alert(); as alert) {
          <amt-inline-alert>{{ alert }}</amt-inline-alert>
        }
        <mat-form-field>
          <mat-label>{{ 'plan.field.workingTitle' | t }}</mat-label>
          <input matInput formControlName="workingTitle" required cdkFocusInitial autocomplete="off" />
          <mat-error>{{ form.controls.workingTitle.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'plan.field.channels' | t }}</mat-label>
          <mat-select formControlName="channelIds" multiple>
            @for (channel of data.channels; track channel.id) {
              <mat-option [value]="channel.id">{{ channel.name }}</mat-option>
            }
          </mat-select>
          @if (data.channels.length === 0) {
            <mat-hint>{{ 'plan.noChannelsYet' | t }}</mat-hint>
          }
        </mat-form-field>
        @if (data.date) {
          <mat-form-field>
            <mat-label>{{ 'plan.timeOptional' | t }}</mat-label>
            <input matInput type="time" formControlName="time" />
            <mat-hint>{{ 'plan.timeOptionalHint' | t }}</mat-hint>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="pending()">{{ 'plan.create' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .quick {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: min(420px, 80vw);
    }
  `,
})
export class QuickCreateDialog {
  protected readonly data = inject<QuickCreateData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<QuickCreateDialog, PostView>>(MatDialogRef);
  private readonly api = inject(PostsApi);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    workingTitle: ['', [Validators.required, Validators.maxLength(200)]],
    channelIds: [[] as string[]],
    time: [''],
  });
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);
  protected readonly dateLabel = this.data.date ? dayLabel(this.data.date, this.i18n.language()) : '';

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { workingTitle, channelIds, time } = this.form.getRawValue();
    const date = this.data.date;
    const planning = date
      ? planningOf({ kind: time ? 'time' : 'day', date, time }, this.data.timeZone) ?? { kind: 'day' as const, date }
      : { kind: 'unplanned' as const };
    this.pending.set(true);
    this.alert.set(null);
    this.api
      .create(this.data.organizationId, {
        workingTitle,
        planning,
        variants: channelIds.map((channelId) => ({ channelId, text: null })),
        status: 'idea',
      })
      .subscribe({
        next: (post) => this.dialogRef.close(post),
        error: (error: unknown) => {
          this.pending.set(false);
          this.alert.set(formProblemAlert(this.form, error, this.i18n));
        },
      });
  }
}

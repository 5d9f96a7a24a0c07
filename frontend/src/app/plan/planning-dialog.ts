import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { Planning } from '@amtsplan/contracts';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { type PlanningDraft, planningDraftOf, planningOf } from './editor/post-fields';

export interface PlanningDialogData {
  readonly workingTitle: string;
  readonly planning: Planning;
  readonly timeZone: string;
  /** "Einplanen" from the Themenspeicher starts on a day; "Verschieben" keeps the kind. */
  readonly suggestedDate: string;
}

/**
 * "Verschieben" and "Einplanen" without a mouse: the keyboard alternative to drag and drop,
 * with native date and time fields that every browser makes keyboard-operable.
 */
@Component({
  selector: 'amt-planning-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'plan.moveTitle' | t: { title: data.workingTitle } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="move">
        <mat-radio-group formControlName="kind" [attr.aria-label]="'plan.field.planning' | t" class="move__kinds">
          <mat-radio-button value="day">{{ 'plan.planning.day' | t }}</mat-radio-button>
          <mat-radio-button value="time">{{ 'plan.planning.time' | t }}</mat-radio-button>
          <mat-radio-button value="unplanned">{{ 'plan.planning.unplanned' | t }}</mat-radio-button>
        </mat-radio-group>
        @if (value().kind !== 'unplanned') {
          <mat-form-field>
            <mat-label>{{ 'plan.field.date' | t }}</mat-label>
            <input matInput type="date" formControlName="date" required cdkFocusInitial />
          </mat-form-field>
        }
        @if (value().kind === 'time') {
          <mat-form-field>
            <mat-label>{{ 'plan.field.time' | t }}</mat-label>
            <input matInput type="time" formControlName="time" required />
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="result() === null">{{ 'plan.moveConfirm' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .move {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: min(360px, 80vw);
    }
    .move__kinds {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
  `,
})
export class PlanningDialog {
  protected readonly data = inject<PlanningDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PlanningDialog, Planning>>(MatDialogRef);

  private readonly initial: PlanningDraft = (() => {
    const draft = planningDraftOf(this.data.planning, this.data.timeZone);
    return draft.kind === 'unplanned' ? { kind: 'day', date: this.data.suggestedDate, time: '' } : draft;
  })();
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: [this.initial.kind],
    date: [this.initial.date],
    time: [this.initial.time || '10:00'],
  });
  protected readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() }) as () => PlanningDraft;
  protected readonly result = computed(() => planningOf({ ...this.form.getRawValue(), ...this.value() }, this.data.timeZone));

  protected submit(): void {
    const planning = this.result();
    if (planning) this.dialogRef.close(planning);
  }
}

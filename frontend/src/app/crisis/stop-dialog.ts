import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

/** „Kommunikationsstopp aktivieren“: a reason and an explicit confirmation; closes with the reason. */
@Component({
  selector: 'amt-stop-dialog',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'crisis.stopDialog.title' | t }}</h2>
    <form (ngSubmit)="confirm()">
      <mat-dialog-content>
        <p>{{ (data.drill ? 'crisis.stopDialog.drillText' : 'crisis.stopDialog.text') | t }}</p>
        <mat-form-field class="wide">
          <mat-label>{{ 'crisis.stopDialog.reason' | t }}</mat-label>
          <textarea matInput name="reason" required rows="2" [(ngModel)]="reason" cdkFocusInitial></textarea>
        </mat-form-field>
        <mat-checkbox name="confirmed" [(ngModel)]="confirmed">{{ 'crisis.stopDialog.confirm' | t }}</mat-checkbox>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button class="amt-danger" type="submit" [disabled]="!confirmed || !reason.trim()">{{ 'crisis.stopDialog.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
  `,
})
export class StopDialog {
  protected readonly data = inject<{ drill: boolean }>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<StopDialog, string>);
  protected reason = '';
  protected confirmed = false;

  protected confirm(): void {
    if (this.confirmed && this.reason.trim()) this.ref.close(this.reason.trim());
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { PostView } from '@amtsplan/contracts';
import { describeFailure } from '../shared/http/problem';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { SeriesApi } from '../settings/series/series-api';

export interface SlotDialogData {
  readonly organizationId: string;
  readonly seriesId: string;
  readonly seriesName: string;
  readonly at: string;
  readonly canFill: boolean;
}

/** An open slot of a series; "Termin füllen" creates its post with the series' skeleton. */
@Component({
  selector: 'amt-slot-dialog',
  imports: [MatButtonModule, MatDialogModule, InlineAlert, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'plan.slotTitle' | t: { series: data.seriesName } }}</h2>
    <mat-dialog-content>
      @if (alert(); as alert) {
        <amt-inline-alert>{{ alert }}</amt-inline-alert>
      }
      <p>{{ 'plan.slotText' | t: { when: when } }}</p>
      @if (!data.canFill) {
        <p class="amt-muted">{{ 'plan.slotReadOnly' | t }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.close' | t }}</button>
      @if (data.canFill) {
        <button mat-flat-button type="button" cdkFocusInitial [disabled]="pending()" (click)="fill()">{{ 'plan.fillSlot' | t }}</button>
      }
    </mat-dialog-actions>
  `,
})
export class SlotDialog {
  protected readonly data = inject<SlotDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<SlotDialog, PostView>>(MatDialogRef);
  private readonly api = inject(SeriesApi);
  private readonly i18n = inject(I18n);

  protected readonly when = this.i18n.dateTime(this.data.at);
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);

  protected fill(): void {
    this.pending.set(true);
    this.api.fill(this.data.organizationId, this.data.seriesId, this.data.at).subscribe({
      next: (post) => this.dialogRef.close(post),
      error: (error: unknown) => {
        this.pending.set(false);
        this.alert.set(describeFailure(error, this.i18n));
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { SharePreview } from '@amtsplan/contracts';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';

/** Shows exactly what would leave the authority; closes with `true` only on "Teilen". */
@Component({
  selector: 'amt-share-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'program.share.dialogTitle' | t }}</h2>
    <mat-dialog-content>
      <p>{{ 'program.share.dialogText' | t }}</p>
      <h3 class="title">{{ data.title }}</h3>
      <p class="body">{{ data.body }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ 'program.share.confirm' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .title {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .body {
      white-space: pre-wrap;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class ShareDialog {
  protected readonly data = inject<SharePreview>(MAT_DIALOG_DATA);
}

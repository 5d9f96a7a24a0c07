import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { SharePreview } from '@amtsplan/contracts';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { SharePreviewText } from './share-preview-text';

/** Shows exactly what would leave the authority; closes with `true` only on "Teilen". */
@Component({
  selector: 'amt-share-dialog',
  imports: [MatDialogModule, MatButtonModule, SharePreviewText, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'program.share.dialogTitle' | t }}</h2>
    <mat-dialog-content>
      <p>{{ 'program.share.dialogText' | t }}</p>
      <amt-share-preview-text [title]="data.title" [body]="data.body" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ 'program.share.confirm' | t }}</button>
    </mat-dialog-actions>
  `,
})
export class ShareDialog {
  protected readonly data = inject<SharePreview>(MAT_DIALOG_DATA);
}

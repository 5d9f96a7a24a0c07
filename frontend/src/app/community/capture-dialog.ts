import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ChannelView, InboxItemDetail, InboxKind } from '@amtsplan/contracts';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { describeFailure } from '../shared/http/problem';
import { InlineAlert } from '../shared/ui/inline-alert';
import { InboxApi } from './inbox-api';
import { KIND_LABEL } from './inbox-labels';

export interface CaptureDialogData {
  readonly organizationId: string;
  readonly channels: readonly ChannelView[];
}

/**
 * Manual capture, built for the keyboard: the text field has focus, Tab walks through author,
 * link, channel and kind, Ctrl+Enter saves from anywhere in the dialog.
 */
@Component({
  selector: 'amt-capture-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, InlineAlert, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'community.capture.title' | t }}</h2>
    <form (ngSubmit)="save()" (keydown.control.enter)="save()" (keydown.meta.enter)="save()">
      <mat-dialog-content class="form">
        @if (error()) {
          <amt-inline-alert>{{ error() }}</amt-inline-alert>
        }
        <mat-form-field>
          <mat-label>{{ 'community.capture.text' | t }}</mat-label>
          <textarea matInput name="text" rows="4" required cdkFocusInitial [(ngModel)]="text"></textarea>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.capture.author' | t }}</mat-label>
          <input matInput name="author" required [(ngModel)]="author" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.capture.displayName' | t }}</mat-label>
          <input matInput name="displayName" [(ngModel)]="displayName" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.capture.permalink' | t }}</mat-label>
          <input matInput name="permalink" type="url" [(ngModel)]="permalink" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.capture.channel' | t }}</mat-label>
          <mat-select name="channel" [(ngModel)]="channelId">
            <mat-option [value]="null">{{ 'community.capture.noChannel' | t }}</mat-option>
            @for (channel of data.channels; track channel.id) {
              <mat-option [value]="channel.id">{{ channel.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.capture.kind' | t }}</mat-label>
          <mat-select name="kind" [(ngModel)]="kind">
            @for (option of kinds; track option) {
              <mat-option [value]="option">{{ kindLabel[option] | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <p class="hint">{{ 'community.capture.keyboardHint' | t }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'community.capture.save' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(520px, 80vw);
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
  `,
})
export class CaptureDialog {
  protected readonly data = inject<CaptureDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CaptureDialog, InboxItemDetail>>(MatDialogRef);
  private readonly api = inject(InboxApi);
  private readonly i18n = inject(I18n);

  protected readonly kinds: readonly InboxKind[] = ['comment', 'message', 'mention'];
  protected readonly kindLabel = KIND_LABEL;
  protected text = '';
  protected author = '';
  protected displayName = '';
  protected permalink = '';
  protected channelId: string | null = null;
  protected kind: InboxKind = 'comment';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected save(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api
      .capture(this.data.organizationId, {
        text: this.text,
        authorHandle: this.author,
        authorDisplayName: this.displayName || null,
        permalink: this.permalink || null,
        channelId: this.channelId,
        kind: this.kind,
      })
      .subscribe({
        next: (item) => this.ref.close(item),
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(describeFailure(error, this.i18n));
        },
      });
  }
}

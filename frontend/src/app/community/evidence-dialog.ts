import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { InboxItemDetail } from '@amtsplan/contracts';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { describeFailure } from '../shared/http/problem';
import { InlineAlert } from '../shared/ui/inline-alert';
import { InboxApi } from './inbox-api';

export interface EvidenceDialogData {
  readonly organizationId: string;
  readonly item: InboxItemDetail;
  readonly today: string;
}

/** "Beweis sichern": context, the day of knowledge (Strafantrag deadline) and an optional screenshot. */
@Component({
  selector: 'amt-evidence-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, InlineAlert, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'community.evidence.title' | t }}</h2>
    <form (ngSubmit)="save()">
      <mat-dialog-content class="form">
        @if (error()) {
          <amt-inline-alert>{{ error() }}</amt-inline-alert>
        }
        <p>{{ 'community.evidence.explain' | t }}</p>
        <mat-form-field>
          <mat-label>{{ 'community.evidence.context' | t }}</mat-label>
          <textarea matInput name="context" rows="3" cdkFocusInitial [(ngModel)]="context"></textarea>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.evidence.knowledgeDate' | t }}</mat-label>
          <input matInput name="knowledgeDate" type="date" required [(ngModel)]="knowledgeDate" />
          <mat-hint>{{ 'community.evidence.knowledgeHint' | t }}</mat-hint>
        </mat-form-field>
        <label class="file">
          {{ 'community.evidence.screenshot' | t }}
          <input type="file" accept="image/png,image/jpeg,image/webp" (change)="pick($event)" />
        </label>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'community.evidence.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: min(480px, 80vw);
    }
    .file {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
  `,
})
export class EvidenceDialog {
  protected readonly data = inject<EvidenceDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EvidenceDialog, InboxItemDetail>>(MatDialogRef);
  private readonly api = inject(InboxApi);
  private readonly i18n = inject(I18n);

  protected context = '';
  protected knowledgeDate = this.data.today;
  private screenshot: string | null = null;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected pick(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) {
      this.screenshot = null;
      return;
    }
    const reader = new FileReader();
    reader.onload = () => (this.screenshot = String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(file);
  }

  protected save(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api
      .secureEvidence(this.data.organizationId, this.data.item.id, { context: this.context, knowledgeDate: this.knowledgeDate || null, screenshotBase64: this.screenshot })
      .subscribe({
        next: (item) => this.ref.close(item),
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(describeFailure(error, this.i18n));
        },
      });
  }
}

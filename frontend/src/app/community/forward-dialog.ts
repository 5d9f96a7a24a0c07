import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { InboxItemDetail, Member } from '@amtsplan/contracts';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { describeFailure } from '../shared/http/problem';
import { InlineAlert } from '../shared/ui/inline-alert';
import { InboxApi } from './inbox-api';

export interface ForwardDialogData {
  readonly organizationId: string;
  readonly item: InboxItemDetail;
  readonly departments: readonly string[];
  readonly members: readonly Member[];
}

/** Forward to a Fachbereich: who drafts the content answer, and a note for them. Ctrl+Enter sends, as in the capture dialog. */
@Component({
  selector: 'amt-forward-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, InlineAlert, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'community.forward.title' | t }}</h2>
    <form (ngSubmit)="save()" (keydown.control.enter)="save()" (keydown.meta.enter)="save()">
      <mat-dialog-content class="form">
        @if (error()) {
          <amt-inline-alert>{{ error() }}</amt-inline-alert>
        }
        <p>{{ 'community.forward.explain' | t }}</p>
        <mat-form-field>
          <mat-label>{{ 'community.forward.department' | t }}</mat-label>
          <input matInput name="department" required cdkFocusInitial [(ngModel)]="department" [attr.list]="'departments'" />
          <datalist id="departments">
            @for (name of data.departments; track name) {
              <option [value]="name"></option>
            }
          </datalist>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.forward.person' | t }}</mat-label>
          <mat-select name="person" required [(ngModel)]="personId">
            @for (member of data.members; track member.id) {
              <mat-option [value]="member.user.id">{{ member.user.displayName }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'community.forward.note' | t }}</mat-label>
          <textarea matInput name="note" rows="3" [(ngModel)]="note"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ 'community.forward.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(480px, 80vw);
    }
  `,
})
export class ForwardDialog {
  protected readonly data = inject<ForwardDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ForwardDialog, InboxItemDetail>>(MatDialogRef);
  private readonly api = inject(InboxApi);
  private readonly i18n = inject(I18n);

  protected department = this.data.item.department ?? '';
  protected personId: string | null = null;
  protected note = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected save(): void {
    if (this.busy()) return;
    if (!this.personId) {
      this.error.set(this.i18n.t('community.forward.personMissing'));
      return;
    }
    this.busy.set(true);
    this.api
      .forward(this.data.organizationId, this.data.item.id, { version: this.data.item.version, department: this.department, departmentUserId: this.personId, note: this.note || null })
      .subscribe({
        next: (item) => this.ref.close(item),
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(describeFailure(error, this.i18n));
        },
      });
  }
}

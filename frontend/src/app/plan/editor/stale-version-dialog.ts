import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { PostView, UpdatePostRequest } from '@amtsplan/contracts';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import type { PlanReferences } from '../plan-references';
import { FIELD_LABELS, fieldValueText } from './field-display';
import { type PostFields, fieldsOfPost } from './post-fields';
import { type FieldComparison, compareWithStored, reapplyMine } from './stale-comparison';

export interface StaleVersionData {
  /** The post as it was when I started. */
  readonly base: PostFields;
  /** My values. */
  readonly mine: PostFields;
  /** The post as it is stored now, with its new version. */
  readonly stored: PostView;
  readonly references: PlanReferences;
}

/** `reload`: discard mine and take the stored post; `reapply`: my changes onto the stored version. */
export type StaleVersionChoice = { readonly choice: 'reload' } | { readonly choice: 'reapply'; readonly change: UpdatePostRequest };

/** The answer to a 409: someone saved first. Nothing is lost without the person deciding. */
@Component({
  selector: 'amt-stale-version-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'plan.stale.title' | t }}</h2>
    <mat-dialog-content>
      <p>{{ 'plan.stale.text' | t: { version: data.stored.version } }}</p>
      @if (comparing()) {
        @if (rows.length === 0) {
          <p>{{ 'plan.stale.noDifferences' | t }}</p>
        } @else {
          <div class="amt-table-region" role="region" [attr.aria-label]="'plan.stale.comparison' | t" tabindex="0">
            <table class="compare">
              <caption class="amt-visually-hidden">{{ 'plan.stale.comparison' | t }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'plan.stale.field' | t }}</th>
                  <th scope="col">{{ 'plan.stale.mine' | t }}</th>
                  <th scope="col">{{ 'plan.stale.stored' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rows; track row.field) {
                  <tr>
                    <th scope="row">
                      {{ labels[row.field] | t }}
                      <span class="compare__who">
                        @if (row.changedByMe && row.changedByOthers) {
                          {{ 'plan.stale.bothChanged' | t }}
                        } @else if (row.changedByMe) {
                          {{ 'plan.stale.iChanged' | t }}
                        } @else {
                          {{ 'plan.stale.othersChanged' | t }}
                        }
                      </span>
                    </th>
                    <td>{{ text(row, 'mine') }}</td>
                    <td>{{ text(row, 'stored') }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      @if (!comparing()) {
        <button mat-stroked-button type="button" (click)="comparing.set(true)">{{ 'plan.stale.compare' | t }}</button>
      } @else {
        <button mat-stroked-button type="button" (click)="reapply()">{{ 'plan.stale.reapply' | t }}</button>
      }
      <button mat-flat-button type="button" cdkFocusInitial (click)="reload()">{{ 'plan.stale.reload' | t }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .compare {
      border-collapse: collapse;
      width: 100%;
    }
    .compare th,
    .compare td {
      text-align: start;
      vertical-align: top;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      white-space: pre-wrap;
    }
    .compare__who {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StaleVersionDialog {
  protected readonly data = inject<StaleVersionData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<StaleVersionDialog, StaleVersionChoice>>(MatDialogRef);
  private readonly i18n = inject(I18n);

  protected readonly labels = FIELD_LABELS;
  protected readonly comparing = signal(false);
  private readonly stored = fieldsOfPost(this.data.stored);
  protected readonly rows = compareWithStored(this.data.base, this.data.mine, this.stored);

  protected text(row: FieldComparison, side: 'mine' | 'stored'): string {
    return fieldValueText(row.field, row[side], this.data.references, this.i18n);
  }

  protected reload(): void {
    this.dialogRef.close({ choice: 'reload' });
  }

  protected reapply(): void {
    this.dialogRef.close({
      choice: 'reapply',
      change: reapplyMine(this.data.base, this.data.mine, this.stored, this.data.stored.version),
    });
  }
}

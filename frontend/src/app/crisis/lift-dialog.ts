import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { LiftStopRequest, PausedPostView } from '@amtsplan/contracts';
import { LIFT_DECISIONS, type LiftDecisionKind } from '@amtsplan/domain';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import type { PlainMessageKey } from '../shared/i18n/translate';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

const DECISION_KEYS: { readonly [K in LiftDecisionKind]: PlainMessageKey } = {
  publish_now: 'crisis.decision.publish_now',
  replan: 'crisis.decision.replan',
  leave_paused: 'crisis.decision.leave_paused',
};

interface Row {
  readonly post: PausedPostView;
  decision: LiftDecisionKind;
  /** datetime-local value, in the browser's zone. */
  at: string;
}

/** „Kommunikationsstopp aufheben“: a reason and, per paused post or for all, publish now / re-plan / leave paused. */
@Component({
  selector: 'amt-lift-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslatePipe, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'crisis.liftDialog.title' | t }}</h2>
    <form (ngSubmit)="confirm()">
      <mat-dialog-content>
        @if (rows.length === 0) {
          <p>{{ 'crisis.liftDialog.none' | t }}</p>
        } @else {
          <p>{{ 'crisis.liftDialog.paused' | t: { count: rows.length } }}</p>
          <div class="bulk">
            <span id="bulk-label">{{ 'crisis.liftDialog.bulk' | t }}:</span>
            @for (d of decisions; track d) {
              <button mat-stroked-button type="button" (click)="all(d)">{{ DECISION_KEYS[d] | t }}</button>
            }
          </div>
          <p class="hint">{{ 'crisis.liftDialog.replanHint' | t }}</p>
          @for (row of rows; track row.post.postId; let i = $index) {
            <fieldset class="row">
              <legend>{{ row.post.workingTitle }}</legend>
              <p class="hint">{{ 'crisis.liftDialog.plannedWas' | t: { time: (row.post.plannedAt | dateTime) } }}</p>
              <mat-radio-group [name]="'d' + i" [(ngModel)]="row.decision" [attr.aria-label]="'crisis.decisionFor' | t: { title: row.post.workingTitle }">
                @for (d of decisions; track d) {
                  <mat-radio-button [value]="d">{{ DECISION_KEYS[d] | t }}</mat-radio-button>
                }
              </mat-radio-group>
              @if (row.decision === 'replan') {
                <mat-form-field>
                  <mat-label>{{ 'crisis.liftDialog.newTime' | t }}</mat-label>
                  <input matInput type="datetime-local" required [name]="'t' + i" [(ngModel)]="row.at" />
                </mat-form-field>
              }
            </fieldset>
          }
        }
        <mat-form-field class="wide">
          <mat-label>{{ 'crisis.liftDialog.reason' | t }}</mat-label>
          <textarea matInput name="reason" required rows="2" [(ngModel)]="reason"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="!ready()">{{ 'crisis.liftDialog.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .bulk {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .row {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      margin: 8px 0;
      padding: 8px 12px;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0;
    }
  `,
})
export class LiftDialog {
  private readonly ref = inject(MatDialogRef<LiftDialog, LiftStopRequest>);
  private readonly data = inject<{ paused: PausedPostView[]; version: number }>(MAT_DIALOG_DATA);
  protected readonly DECISION_KEYS = DECISION_KEYS;
  protected readonly decisions = LIFT_DECISIONS;
  protected readonly rows: Row[] = this.data.paused.map((post) => ({ post, decision: 'leave_paused', at: '' }));
  protected reason = '';

  protected all(decision: LiftDecisionKind): void {
    for (const row of this.rows) row.decision = decision;
  }

  protected ready(): boolean {
    return !!this.reason.trim() && this.rows.every((r) => r.decision !== 'replan' || !!r.at);
  }

  protected confirm(): void {
    if (!this.ready()) return;
    this.ref.close({
      version: this.data.version,
      reason: this.reason.trim(),
      bulk: null,
      decisions: this.rows.map((r) => ({ postId: r.post.postId, decision: r.decision, plannedAt: r.decision === 'replan' ? new Date(r.at).toISOString() : null })),
    });
  }
}

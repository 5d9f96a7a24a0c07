import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { LoadState } from '../http/load-on-request';
import { TranslatePipe } from '../i18n/translate.pipe';
import { InlineAlert } from './inline-alert';

/**
 * The progress bar while a page's data loads, or what went wrong with a button to try again.
 * Shows nothing once the data is there: the page renders it.
 */
@Component({
  selector: 'amt-load-status',
  imports: [MatButtonModule, MatProgressBarModule, InlineAlert, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    @if (current.state === 'loading') {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
    } @else if (current.state === 'failed') {
      <amt-inline-alert>
        <p class="failure">{{ current.message }}</p>
        <button mat-stroked-button type="button" (click)="retry.emit()">{{ 'common.retry' | t }}</button>
      </amt-inline-alert>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .failure {
      margin: 0 0 8px;
    }
  `,
})
export class LoadStatus {
  readonly state = input.required<LoadState<unknown>>();
  readonly retry = output<void>();
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * A message that belongs to a form or page rather than to one field. `role="alert"` makes
 * screen readers announce it as soon as it appears.
 */
@Component({
  selector: 'amt-inline-alert',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'alert',
    class: 'amt-inline-alert',
    '[class.amt-inline-alert--info]': "tone() === 'info'",
  },
  template: `
    <!-- fontIcon draws the ligature in CSS, so the alert's text is only the message. -->
    <mat-icon aria-hidden="true" [fontIcon]="tone() === 'info' ? 'info' : 'error'" />
    <div class="amt-inline-alert__text"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    :host(.amt-inline-alert--info) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .amt-inline-alert__text {
      padding-top: 2px;
    }
  `,
})
export class InlineAlert {
  readonly tone = input<'error' | 'info'>('error');
}

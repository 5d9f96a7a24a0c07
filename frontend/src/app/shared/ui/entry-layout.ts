import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '../i18n/translate.pipe';

/** The centred card of the pages people see before they are inside an authority: login, invitation. */
@Component({
  selector: 'amt-entry-layout',
  imports: [MatCardModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main id="inhalt" class="entry">
      <mat-card appearance="outlined" class="entry__card">
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" class="entry__progress" />
        }
        <mat-card-content>
          <p class="entry__brand">{{ 'app.name' | t }}</p>
          <ng-content />
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .entry {
      box-sizing: border-box;
      min-height: 100vh;
      display: flex;
      align-items: center;
      justify-content: center;
      padding: 24px 16px;
      background: var(--mat-sys-surface-container-low);
    }
    .entry__card {
      width: 100%;
      max-width: 440px;
      overflow: hidden;
    }
    .entry__progress {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
    }
    .entry__brand {
      margin: 8px 0 4px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
      letter-spacing: 0.02em;
    }
  `,
})
export class EntryLayout {
  readonly busy = input(false);
}

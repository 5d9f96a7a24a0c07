import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ExerciseProgressView } from '@amtsplan/contracts';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

type Check = NonNullable<ExerciseProgressView['check']>;

/** The live check of an action exercise: a bar, the server's summary, and what is still missing. */
@Component({
  selector: 'amt-action-progress',
  imports: [MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = check();
    <p class="summary">{{ current.summary }}</p>
    <mat-progress-bar mode="determinate" [value]="percent()" [attr.aria-label]="current.summary" />
    @if (missing().length) {
      <p class="missing-heading">{{ 'program.missing' | t }}</p>
      <ul class="missing">
        @for (line of missing(); track $index) {
          <li>{{ line }}</li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .summary {
      margin: 0 0 4px;
      font: var(--mat-sys-body-medium);
    }
    .missing-heading {
      margin: 8px 0 0;
      font: var(--mat-sys-label-large);
    }
    .missing {
      margin: 4px 0 0;
      padding-left: 20px;
    }
  `,
})
export class ActionProgress {
  readonly check = input.required<Check>();
  /** What the exercise still needs: the rule's lines when it has them, else the progress' own. */
  readonly missingLines = input<readonly string[]>([]);

  protected readonly percent = computed(() => {
    const { done, target, holds } = this.check();
    if (holds) return 100;
    return target > 0 ? Math.min(100, Math.round((done / target) * 100)) : 0;
  });
  protected readonly missing = computed(() => (this.check().holds ? [] : this.check().missing.length ? this.check().missing : this.missingLines()));
}

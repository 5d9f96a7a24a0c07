import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * A horizontal bar chart as inline SVG: the chart is one image with a text alternative
 * (`summary`), and the page shows the same numbers as a table next to it (decision 0017).
 */
@Component({
  selector: 'amt-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg [attr.viewBox]="'0 0 400 ' + height()" role="img" [attr.aria-label]="summary()" preserveAspectRatio="xMinYMin meet">
      @for (bar of bars(); track bar.label; let i = $index) {
        <text x="0" [attr.y]="i * 28 + 18" class="label">{{ bar.label }}</text>
        <rect x="140" [attr.y]="i * 28 + 4" [attr.width]="width(bar.value)" height="20" class="bar" />
        <text [attr.x]="144 + width(bar.value)" [attr.y]="i * 28 + 18" class="value">{{ bar.value }}</text>
      }
    </svg>
  `,
  styles: `
    svg {
      width: 100%;
      max-width: 560px;
      display: block;
    }
    .label,
    .value {
      font: 12px sans-serif;
      fill: var(--mat-sys-on-surface);
    }
    .bar {
      fill: var(--mat-sys-primary);
    }
  `,
})
export class BarChart {
  readonly bars = input.required<readonly Bar[]>();
  readonly summary = input.required<string>();
  protected readonly height = computed(() => Math.max(28, this.bars().length * 28));
  private readonly max = computed(() => Math.max(1, ...this.bars().map((b) => b.value)));

  protected width(value: number): number {
    return Math.round((value / this.max()) * 220);
  }
}

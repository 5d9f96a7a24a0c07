import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PlainMessageKey } from '../shared/i18n/translate';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

/** Stands in for an area that a later version builds, under the URL it will keep. */
@Component({
  selector: 'amt-area-placeholder-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ heading() | t }}</h1>
    <p class="amt-muted">{{ 'area.placeholder' | t }}</p>
  `,
})
export class AreaPlaceholderPage {
  /** Bound from the route's `data.heading`. */
  readonly heading = input.required<PlainMessageKey>();
}

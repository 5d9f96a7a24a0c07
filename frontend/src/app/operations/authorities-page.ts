import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

/**
 * The operator's list of authorities. The operator API (list, create with first admin) is a
 * separate issue; until it exists the page says so instead of showing an empty table.
 */
@Component({
  selector: 'amt-authorities-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'operations.heading' | t }}</h1>
    <p class="amt-muted">{{ 'area.placeholder' | t }}</p>
  `,
})
export class AuthoritiesPage {}

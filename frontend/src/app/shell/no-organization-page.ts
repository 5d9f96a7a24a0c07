import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

@Component({
  selector: 'amt-no-organization-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'noOrganization.heading' | t }}</h1>
    <p>{{ 'noOrganization.text' | t }}</p>
    <p class="amt-muted">{{ 'noOrganization.hint' | t }}</p>
  `,
})
export class NoOrganizationPage {}

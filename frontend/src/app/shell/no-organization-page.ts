import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FACILITATION_PATH } from '../program/facilitation/facilitation-paths';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

@Component({
  selector: 'amt-no-organization-page',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'noOrganization.heading' | t }}</h1>
    <p>{{ 'noOrganization.text' | t }}</p>
    <p class="amt-muted">{{ 'noOrganization.hint' | t }}</p>
    <!-- The Programmleitung belongs to no authority and lands here; its page says when the grant is missing. -->
    <p><a [routerLink]="facilitation">{{ 'facilitation.link' | t }}</a></p>
  `,
})
export class NoOrganizationPage {
  protected readonly facilitation = ['/', FACILITATION_PATH];
}

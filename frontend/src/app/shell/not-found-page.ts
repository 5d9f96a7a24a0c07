import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../shared/i18n/translate.pipe';

@Component({
  selector: 'amt-not-found-page',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'notFound.heading' | t }}</h1>
    <p>{{ 'notFound.text' | t }}</p>
    <p><a routerLink="/">{{ 'notFound.home' | t }}</a></p>
  `,
})
export class NotFoundPage {}

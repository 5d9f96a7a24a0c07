import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CohortMidpointReviewView } from '@amtsplan/contracts';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';

/** The members' released Zwischenfazits, side by side for the week-6 meeting. */
@Component({
  selector: 'amt-cohort-reviews',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (review of reviews(); track review.enrolmentId) {
      <article class="review" [attr.aria-labelledby]="'review-' + review.enrolmentId">
        <h3 [id]="'review-' + review.enrolmentId">{{ review.participantName }}, {{ review.organizationName }}</h3>
        <dl>
          <dt>{{ 'program.midpoint.works' | t }}</dt>
          <dd>{{ review.works }}</dd>
          <dt>{{ 'program.midpoint.notWorking' | t }}</dt>
          <dd>{{ review.notWorking }}</dd>
          <dt>{{ 'program.midpoint.next' | t }}</dt>
          <dd>{{ review.next }}</dd>
        </dl>
      </article>
    } @empty {
      <p class="empty">{{ 'program.midpoint.none' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 12px;
    }
    .review {
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0 0 8px;
      white-space: pre-wrap;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CohortReviews {
  readonly reviews = input.required<readonly CohortMidpointReviewView[]>();
}

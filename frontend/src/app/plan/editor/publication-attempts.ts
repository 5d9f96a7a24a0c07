import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PublishAttemptView } from '@amtsplan/contracts';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import type { MessageKey } from '../../shared/i18n/messages.de';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';

type OutcomeKey = Extract<MessageKey, `publishing.outcome.${NonNullable<PublishAttemptView['outcome']>}` | 'publishing.outcome.running'>;

/** What became of an attempt, in words; an attempt without an outcome is still running. */
export function attemptOutcomeKey(attempt: Pick<PublishAttemptView, 'outcome'>): OutcomeKey {
  return attempt.outcome ? `publishing.outcome.${attempt.outcome}` : 'publishing.outcome.running';
}

/**
 * Every attempt of one channel's publication, oldest first (the API's order): when it started,
 * what became of it, its link or its error. Folded by default; the status above says where the
 * publication stands, the history says how it got there (e.g. a retry after a refused connection).
 */
@Component({
  selector: 'amt-publication-attempts',
  imports: [DateTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="attempts">
      <summary>{{ 'publishing.attempts.summary' | t: { count: attempts().length } }}</summary>
      <ol class="attempts__list">
        @for (attempt of attempts(); track attempt.attempt) {
          <li class="attempts__item">
            <span
              >{{ 'publishing.attempts.attempt' | t: { number: attempt.attempt } }}, {{ 'publishing.attempts.started' | t }} {{ attempt.startedAt | dateTime }}:
              <strong>{{ outcomeKey(attempt) | t }}</strong></span
            >
            @if (attempt.url) {
              <a [href]="attempt.url" target="_blank" rel="noopener noreferrer">{{ 'publishing.attempts.open' | t }}</a>
            }
            @if (attempt.error) {
              <span class="attempts__error">{{ attempt.error }}</span>
            }
          </li>
        }
      </ol>
    </details>
  `,
  styles: `
    .attempts summary {
      cursor: pointer;
      font: var(--mat-sys-label-large);
    }
    .attempts__list {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .attempts__item {
      display: flex;
      flex-direction: column;
      gap: 2px;
      margin-bottom: 4px;
    }
    .attempts__error {
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class PublicationAttempts {
  readonly attempts = input.required<readonly PublishAttemptView[]>();
  protected readonly outcomeKey = attemptOutcomeKey;
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { PostFinding } from '@amtsplan/domain';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import type { ChannelCounter } from './channel-counters';

/** Counters per channel and the quality checks, recomputed on every keystroke. */
@Component({
  selector: 'amt-live-checks',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="checks" aria-labelledby="checks-heading">
      <h3 id="checks-heading">{{ 'plan.editor.checks' | t }}</h3>
      @if (counters().length === 0) {
        <p class="amt-muted">{{ 'plan.editor.noChannels' | t }}</p>
      }
      <ul class="counters" aria-live="polite">
        @for (counter of counters(); track counter.channelId) {
          <li class="counter" [class.counter--over]="counter.over" [class.counter--near]="counter.near">
            <span class="counter__name">{{ counter.channelName }} ({{ counter.platformLabel }})</span>
            <span class="counter__value">
              @if (counter.limit === null) {
                {{ 'plan.editor.countNoLimit' | t: { used: counter.used } }}
              } @else if (counter.over) {
                <mat-icon aria-hidden="true" fontIcon="error" />
                {{ 'plan.editor.countOver' | t: { over: -(counter.remaining ?? 0), used: counter.used, limit: counter.limit } }}
              } @else {
                {{ 'plan.editor.countLeft' | t: { left: counter.remaining ?? 0, used: counter.used, limit: counter.limit } }}
              }
            </span>
            @if (counter.title; as title) {
              <span class="counter__value" [class.counter--over]="title.over">
                {{ 'plan.editor.titleCount' | t: { used: title.used, limit: title.limit ?? 0 } }}
              </span>
            }
          </li>
        }
      </ul>
      <div aria-live="polite">
        @if (findings().length === 0) {
          <p class="amt-muted">{{ 'plan.editor.noFindings' | t }}</p>
        } @else {
          <ul class="findings">
            @for (finding of findings(); track $index) {
              <li class="finding" [class.finding--hard]="finding.severity === 'hard'">
                <mat-icon aria-hidden="true" [fontIcon]="finding.severity === 'hard' ? 'block' : 'warning'" />
                <span>
                  <strong>{{ (finding.severity === 'hard' ? 'plan.editor.hard' : 'plan.editor.warning') | t }}:</strong>
                  {{ finding.message }}
                </span>
              </li>
            }
          </ul>
          @if (blocks()) {
            <p class="findings__note">{{ 'plan.editor.hardNote' | t }}</p>
          }
        }
      </div>
    </section>
  `,
  styles: `
    .counters,
    .findings {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .counter {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 12px;
      padding: 4px 8px;
      border-radius: var(--mat-sys-corner-extra-small);
      background: var(--mat-sys-surface-container-low);
      font: var(--mat-sys-body-medium);
    }
    .counter--near {
      outline: 1px solid var(--mat-sys-tertiary);
    }
    .counter--over {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font-weight: 500;
    }
    .counter__value {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
      flex: none;
    }
    .finding {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      font: var(--mat-sys-body-medium);
    }
    .finding--hard {
      color: var(--mat-sys-error);
    }
    .findings__note {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LiveChecks {
  readonly counters = input.required<readonly ChannelCounter[]>();
  readonly findings = input.required<readonly PostFinding[]>();
  readonly blocks = input.required<boolean>();
}

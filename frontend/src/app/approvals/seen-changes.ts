import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ApprovalContentView, ChannelView, PreviousSeenContentView } from '@amtsplan/contracts';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import type { PlainMessageKey } from '../shared/i18n/translate';
import { DECIDED_KEYS } from './approval-labels';
import { type ChannelTextChange, channelTextChanges, otherChanges } from './text-diff';

const CHANGE_KEYS: { readonly [K in ChannelTextChange['change']]: PlainMessageKey } = {
  unchanged: 'approvals.diff.unchanged',
  changed: 'approvals.diff.changed',
  added: 'approvals.diff.added',
  removed: 'approvals.diff.removed',
};

/**
 * The text changes per channel since the version this approver last decided on. Insertions and
 * removals are marked by colour and by <ins>/<del> with a spoken prefix, not by colour alone.
 */
@Component({
  selector: 'amt-seen-changes',
  imports: [DateTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="seen" aria-labelledby="seen-heading">
      <h2 id="seen-heading">{{ 'approvals.diff.heading' | t }}</h2>
      @let previous = seen()?.previous;
      @if (seen() === null) {
        <p class="amt-muted">{{ 'approvals.diff.failed' | t }}</p>
      } @else if (!previous) {
        <p class="amt-muted">{{ 'approvals.diff.none' | t }}</p>
      } @else {
        <p>{{ 'approvals.diff.since' | t: { time: (previous.submittedAt | dateTime), decision: (decidedKeys[previous.decision] | t) } }}</p>
        @if (previous.comment) {
          <p class="seen__comment">{{ 'approvals.diff.yourComment' | t: { comment: previous.comment } }}</p>
        }
        @for (change of changes(); track change.channelId) {
          <article class="seen__channel" [attr.aria-label]="channelName(change.channelId)">
            <p class="seen__title">
              <strong>{{ channelName(change.channelId) }}</strong> · {{ changeKeys[change.change] | t }}
            </p>
            @if (change.change !== 'unchanged') {
              <!-- One line on purpose: whitespace between the parts would show up in pre-wrap text. -->
              <p class="seen__text">@for (part of change.parts; track $index) {@switch (part.kind) {@case ('added') {<ins><span class="amt-visually-hidden">{{ 'approvals.diff.addedText' | t }} </span>{{ part.text }}</ins>} @case ('removed') {<del><span class="amt-visually-hidden">{{ 'approvals.diff.removedText' | t }} </span>{{ part.text }}</del>} @default {<span>{{ part.text }}</span>}}}</p>
            }
          </article>
        }
        @if (others()?.planning) {
          <p>{{ 'approvals.diff.planning' | t }}</p>
        }
        @if (others()?.media) {
          <p>{{ 'approvals.diff.media' | t }}</p>
        }
      }
    </section>
  `,
  styles: `
    .seen__channel {
      margin: 8px 0;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    .seen__title,
    .seen__comment {
      margin: 0 0 4px;
    }
    .seen__text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
    }
    ins {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      text-decoration: underline;
    }
    del {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      text-decoration: line-through;
    }
  `,
})
export class SeenChanges {
  /** null: the comparison could not be loaded. */
  readonly seen = input.required<PreviousSeenContentView | null>();
  readonly current = input.required<ApprovalContentView>();
  readonly channels = input.required<ReadonlyMap<string, ChannelView>>();
  readonly unknownChannel = input.required<string>();

  protected readonly decidedKeys = DECIDED_KEYS;
  protected readonly changeKeys = CHANGE_KEYS;
  protected readonly changes = computed(() => {
    const previous = this.seen()?.previous;
    return previous ? channelTextChanges(previous.content, this.current()) : [];
  });
  protected readonly others = computed(() => {
    const previous = this.seen()?.previous;
    return previous ? otherChanges(previous.content, this.current()) : null;
  });

  protected channelName(channelId: string): string {
    return this.channels().get(channelId)?.name ?? this.unknownChannel();
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PostMediaView } from '@amtsplan/contracts';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { previewSegments } from './preview-segments';

export interface ChannelPreviewInput {
  readonly channelId: string;
  readonly channelName: string;
  readonly platformLabel: string;
  readonly text: string;
}

/** Plain cards per channel with exactly the text that channel would publish; no imitation of the platforms. */
@Component({
  selector: 'amt-channel-previews',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="previews-heading">
      <h3 id="previews-heading">{{ 'plan.editor.previews' | t }}</h3>
      @if (cards().length === 0) {
        <p class="amt-muted">{{ 'plan.editor.noChannels' | t }}</p>
      }
      <div class="previews">
        @for (card of cards(); track card.channelId) {
          <article class="preview" [attr.aria-label]="'plan.editor.previewOf' | t: { channel: card.channelName }">
            <p class="preview__platform">{{ card.platformLabel }} · {{ card.channelName }}</p>
            <p class="preview__text">
              @for (segment of card.segments; track $index) {
                <!-- Every segment in an element: text between the blocks would keep the template's spaces under pre-wrap. -->
                @if (segment.kind === 'plain') {
                  <span>{{ segment.text }}</span>
                } @else {
                  <span class="preview__mark">{{ segment.text }}</span>
                }
              }
              @if (card.segments.length === 0) {
                <span class="amt-muted">{{ 'plan.editor.emptyText' | t }}</span>
              }
            </p>
            @if (images().length > 0) {
              <div class="preview__images">
                @for (image of images(); track image.id) {
                  <img [src]="image.url" [alt]="image.altText" loading="lazy" />
                }
              </div>
            }
          </article>
        }
      </div>
    </section>
  `,
  styles: `
    .previews {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 12px;
    }
    .preview {
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
    }
    .preview__platform {
      margin: 0 0 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .preview__text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
    }
    .preview__mark {
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
    .preview__images {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 8px;
    }
    .preview__images img {
      width: 72px;
      height: 72px;
      object-fit: cover;
      border-radius: var(--mat-sys-corner-extra-small);
    }
  `,
})
export class ChannelPreviews {
  readonly channels = input.required<readonly ChannelPreviewInput[]>();
  readonly images = input.required<readonly PostMediaView[]>();

  protected readonly cards = computed(() => this.channels().map((channel) => ({ ...channel, segments: previewSegments(channel.text) })));
}

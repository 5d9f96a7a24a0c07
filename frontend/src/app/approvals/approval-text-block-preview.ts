import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ApprovalTextBlockSubjectView } from '@amtsplan/contracts';
import { isPlatformId, PLATFORM_LABELS } from '@amtsplan/domain';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { organizationUrl } from '../shared/routing/paths';
import { TEXT_BLOCKS_PATH } from '../text-blocks/text-blocks-paths';

/** What a text block version's approval is bound to: title, both forms of address, category, channels. */
@Component({
  selector: 'amt-approval-text-block-preview',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="preview" aria-labelledby="text-block-heading">
      <h2 id="text-block-heading">{{ 'approvals.textBlock.heading' | t }}</h2>
      <p class="preview__title">{{ textBlock().content.title }}</p>
      <dl class="preview__meta">
        <div>
          <dt>{{ 'approvals.textBlock.category' | t }}</dt>
          <dd>{{ textBlock().content.category.name }}</dd>
        </div>
        <div>
          <dt>{{ 'approvals.textBlock.platforms' | t }}</dt>
          <dd>{{ platforms() || ('approvals.textBlock.allPlatforms' | t) }}</dd>
        </div>
      </dl>
      @if (textBlock().content.body.sie; as sie) {
        <h3>{{ 'approvals.textBlock.sie' | t }}</h3>
        <p class="preview__body">{{ sie }}</p>
      }
      @if (textBlock().content.body.du; as du) {
        <h3>{{ 'approvals.textBlock.du' | t }}</h3>
        <p class="preview__body">{{ du }}</p>
      }
      <a [routerLink]="link()">{{ 'approvals.textBlock.open' | t }}</a>
    </section>
  `,
  styles: `
    .preview__title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .preview__meta {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin: 0 0 8px;
    }
    .preview__meta dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .preview__meta dd {
      margin: 0;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .preview__body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 12px;
      margin: 0 0 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
    }
  `,
})
export class ApprovalTextBlockPreview {
  readonly textBlock = input.required<ApprovalTextBlockSubjectView>();
  readonly orgId = input.required<string>();

  protected readonly platforms = computed(() =>
    this.textBlock()
      .content.platforms.map((p) => (isPlatformId(p) ? PLATFORM_LABELS[p] : p))
      .join(', '),
  );
  protected readonly link = computed(() => organizationUrl(this.orgId(), TEXT_BLOCKS_PATH, this.textBlock().textBlockId));
}

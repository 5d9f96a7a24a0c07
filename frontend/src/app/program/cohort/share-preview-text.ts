import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The copy that would leave the authority, as the share dialogs show it: title, then the text as written. */
@Component({
  selector: 'amt-share-preview-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 class="title">{{ title() }}</h3>
    <p class="body">{{ body() }}</p>
  `,
  styles: `
    .title {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .body {
      white-space: pre-wrap;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class SharePreviewText {
  readonly title = input.required<string>();
  readonly body = input.required<string>();
}

import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { markdownBlocks } from './markdown-blocks';

/** Curriculum Markdown as paragraphs and lists built from text nodes only (see markdownBlocks). */
@Component({
  selector: 'amt-markdown-text',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Spans as elements, never bare text between blocks: the template's line breaks would become spaces (before a full stop after bold text). -->
    <ng-template #inline let-spans>
      @for (span of spans; track $index) {
        @if (span.strong) {
          <strong>{{ span.text }}</strong>
        } @else {
          <span>{{ span.text }}</span>
        }
      }
    </ng-template>
    @for (block of blocks(); track $index) {
      @if (block.kind === 'paragraph') {
        <p><ng-container *ngTemplateOutlet="inline; context: { $implicit: block.spans }" /></p>
      } @else if (block.ordered) {
        <ol>
          @for (item of block.items; track $index) {
            <li><ng-container *ngTemplateOutlet="inline; context: { $implicit: item }" /></li>
          }
        </ol>
      } @else {
        <ul>
          @for (item of block.items; track $index) {
            <li><ng-container *ngTemplateOutlet="inline; context: { $implicit: item }" /></li>
          }
        </ul>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p,
    ul,
    ol {
      margin: 0 0 8px;
    }
  `,
})
export class MarkdownText {
  readonly source = input.required<string>();
  protected readonly blocks = computed(() => markdownBlocks(this.source()));
}

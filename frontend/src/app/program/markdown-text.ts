import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { markdownBlocks } from './markdown-blocks';

/** Curriculum Markdown as paragraphs and lists built from text nodes only (see markdownBlocks). */
@Component({
  selector: 'amt-markdown-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (block of blocks(); track $index) {
      @if (block.kind === 'paragraph') {
        <p>
          @for (span of block.spans; track $index) {
            @if (span.strong) {
              <strong>{{ span.text }}</strong>
            } @else {
              {{ span.text }}
            }
          }
        </p>
      } @else if (block.ordered) {
        <ol>
          @for (item of block.items; track $index) {
            <li>
              @for (span of item; track $index) {
                @if (span.strong) {
                  <strong>{{ span.text }}</strong>
                } @else {
                  {{ span.text }}
                }
              }
            </li>
          }
        </ol>
      } @else {
        <ul>
          @for (item of block.items; track $index) {
            <li>
              @for (span of item; track $index) {
                @if (span.strong) {
                  <strong>{{ span.text }}</strong>
                } @else {
                  {{ span.text }}
                }
              }
            </li>
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

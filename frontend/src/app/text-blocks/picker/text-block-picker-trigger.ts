import { Directive, ElementRef, inject, input, output } from '@angular/core';
import type { PickedTextBlock, TextBlockPickerOptions } from './picked-text-block';
import { TextBlockPicker } from './text-block-picker';

/**
 * Puts the picker on a textarea (or input): Ctrl+K (⌘K) opens it, and so does "/" typed at the
 * start of a word; the "/" and what follows up to the cursor become the search and are replaced
 * by the chosen text. The text is inserted at the cursor and `picked` reports it (with the
 * version id, for the reply's record).
 *
 * ```html
 * <textarea [amtTextBlockPicker]="{ organizationId: orgId(), values: { name: author } }" (picked)="onPicked($event)"></textarea>
 * ```
 */
@Directive({
  selector: 'textarea[amtTextBlockPicker], input[amtTextBlockPicker]',
  host: { '(keydown)': 'onKeydown($event)', 'aria-keyshortcuts': 'Control+K /' },
})
export class TextBlockPickerTrigger {
  private readonly picker = inject(TextBlockPicker);
  private readonly host = inject<ElementRef<HTMLTextAreaElement | HTMLInputElement>>(ElementRef);

  readonly options = input.required<TextBlockPickerOptions>({ alias: 'amtTextBlockPicker' });
  readonly picked = output<PickedTextBlock>();

  protected onKeydown(event: Event): void {
    if (!(event instanceof KeyboardEvent)) return;
    const field = this.host.nativeElement;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      this.openAt(field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, '');
      return;
    }
    if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const at = field.selectionStart ?? field.value.length;
      const before = field.value.slice(0, at);
      if (before === '' || /\s$/.test(before)) {
        event.preventDefault();
        this.openAt(at, field.selectionEnd ?? at, '');
      }
    }
  }

  /** Opens the picker; the chosen text replaces [start, end) of the field. */
  private openAt(start: number, end: number, query: string): void {
    this.picker.open({ ...this.options(), query }).subscribe((picked) => {
      const field = this.host.nativeElement;
      field.value = field.value.slice(0, start) + picked.text + field.value.slice(end);
      const cursor = start + picked.text.length;
      field.setSelectionRange(cursor, cursor);
      // Reactive forms and ngModel listen to "input".
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.focus();
      this.picked.emit(picked);
    });
  }
}

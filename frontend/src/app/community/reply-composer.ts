import { ChangeDetectionStrategy, Component, ElementRef, computed, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { placeholdersLeftInReply } from '@amtsplan/domain';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { TextBlockPickerTrigger, type PickedTextBlock, type TextBlockPickerOptions } from '../text-blocks/picker';

export interface ReplyDraft {
  readonly body: string;
  readonly delivery: 'mastodon' | 'copied';
  readonly textBlockVersionId: string | null;
}

/**
 * The reply box. Ctrl+K, or "/" at the start of a word, opens the text-block picker
 * (docs/text-blocks.md); the chosen approved version's id is sent with the reply. `insertText`
 * does the same from code. While the text contains an unfilled `{{…}}` placeholder, sending is
 * blocked and the placeholders are named. Ctrl+Enter sends.
 */
@Component({
  selector: 'amt-reply-composer',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, TextBlockPickerTrigger],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field" subscriptSizing="dynamic">
      <mat-label>{{ 'community.reply.label' | t }}</mat-label>
      <textarea
        #box
        matInput
        rows="4"
        [amtTextBlockPicker]="pickerOptions()"
        (picked)="onPicked($event)"
        [ngModel]="text()"
        (ngModelChange)="text.set($event)"
        (keydown.control.enter)="send($event)"
        (keydown.meta.enter)="send($event)"
        [attr.aria-describedby]="placeholders().length ? 'reply-placeholders' : null"
      ></textarea>
      <mat-hint>{{ 'community.reply.hint' | t }}</mat-hint>
    </mat-form-field>
    @if (placeholders().length) {
      <p id="reply-placeholders" class="blocked" role="status">{{ 'community.reply.unfilled' | t: { names: placeholderList() } }}</p>
    }
    @if (textBlockVersionId()) {
      <p class="hint">{{ 'community.reply.fromTextBlock' | t }}</p>
    }
    @if (needsApproval()) {
      <p class="hint" id="reply-approval-hint">{{ 'community.reply.needsApproval' | t }}</p>
    }
    <div class="actions">
      @if (needsApproval()) {
        <button mat-flat-button type="button" [disabled]="!sendable() || busy()" (click)="emit('copied')" aria-describedby="reply-approval-hint">{{ 'community.reply.submitForApproval' | t }}</button>
      } @else if (canUseMastodon()) {
        <button mat-flat-button type="button" [disabled]="!sendable() || busy()" (click)="emit('mastodon')">{{ 'community.reply.sendMastodon' | t }}</button>
        <button mat-stroked-button type="button" [disabled]="!sendable() || busy()" (click)="emit('copied')">{{ 'community.reply.copyAndMark' | t }}</button>
      } @else {
        <button mat-flat-button type="button" [disabled]="!sendable() || busy()" (click)="emit('copied')">{{ 'community.reply.copyAndMark' | t }}</button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .blocked {
      color: var(--mat-sys-error);
      margin: 4px 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class ReplyComposer {
  readonly organizationId = input.required<string>();
  /** The commenter, pre-filled as `{{name}}` in the picker's placeholder form. */
  readonly authorName = input<string | null>(null);
  readonly canUseMastodon = input(false);
  /** The item's category is sensitive: the reply is submitted to the Freigabe instead of sent. */
  readonly needsApproval = input(false);
  readonly busy = input(false);
  readonly sent = output<ReplyDraft>();

  protected readonly text = signal('');
  protected readonly textBlockVersionId = signal<string | null>(null);
  protected readonly placeholders = computed(() => placeholdersLeftInReply(this.text()));
  protected readonly placeholderList = computed(() => this.placeholders().map((name) => `{{${name}}}`).join(', '));
  protected readonly sendable = computed(() => this.text().trim().length > 0 && this.placeholders().length === 0);
  protected readonly pickerOptions = computed<TextBlockPickerOptions>(() => {
    const name = this.authorName();
    const values: Record<string, string> = name ? { name } : {};
    // The active crisis' holding statements come first in the picker (docs/crisis.md).
    return { organizationId: this.organizationId(), values, holdingStatements: true };
  });
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  /** Puts text at the cursor (replacing a selection) and remembers the text block version it came from. */
  insertText(text: string, textBlockVersionId: string | null = null): void {
    const element = this.box().nativeElement;
    const current = this.text();
    const start = element.selectionStart ?? current.length;
    const end = element.selectionEnd ?? current.length;
    this.text.set(current.slice(0, start) + text + current.slice(end));
    if (textBlockVersionId) this.textBlockVersionId.set(textBlockVersionId);
    queueMicrotask(() => {
      element.focus();
      element.setSelectionRange(start + text.length, start + text.length);
    });
  }

  protected onPicked(picked: PickedTextBlock): void {
    this.textBlockVersionId.set(picked.versionId);
  }

  /** Replaces the whole text, e.g. with a department's draft to review. */
  setText(text: string): void {
    this.text.set(text);
  }

  focus(): void {
    this.box().nativeElement.focus();
  }

  clear(): void {
    this.text.set('');
    this.textBlockVersionId.set(null);
  }

  protected send(event: Event): void {
    event.preventDefault();
    if (this.sendable() && !this.busy()) this.emit(this.canUseMastodon() && !this.needsApproval() ? 'mastodon' : 'copied');
  }

  protected emit(delivery: 'mastodon' | 'copied'): void {
    if (!this.sendable()) return;
    this.sent.emit({ body: this.text().trim(), delivery, textBlockVersionId: this.textBlockVersionId() });
  }
}

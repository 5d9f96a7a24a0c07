import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, type ElementRef, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { TextBlockHit, TextBlockSettingsView } from '@amtsplan/contracts';
import { type AddressForm, BUILT_IN_PLACEHOLDER_LABELS, bodyFor, isBuiltInPlaceholder, placeholdersIn, renderPlaceholders } from '@amtsplan/domain';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { TextBlocksApi } from '../text-blocks-api';
import { PickerHoldingStatements } from './holding-statements';
import type { PickedTextBlock, TextBlockPickerOptions } from './picked-text-block';

/** What the dialog is opened with: the options and the organization's settings (form of address, placeholders). */
export interface TextBlockPickerData {
  readonly options: TextBlockPickerOptions;
  readonly settings: TextBlockSettingsView;
}

let nextId = 0;

/**
 * The command palette: type to search approved, valid text blocks (short code first), move with
 * the arrow keys, Enter to choose, Escape to close; then fill the placeholders and Enter again.
 * Only the keyboard is needed; the mouse works too. A combobox with a listbox (WAI-ARIA APG).
 */
@Component({
  selector: 'amt-text-block-picker-dialog',
  imports: [NgTemplateOutlet, ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (chosen(); as hit) {
      <h2 mat-dialog-title>{{ 'textBlocks.picker.fillHeading' | t: { title: hit.title } }}</h2>
      <form [formGroup]="fill" (ngSubmit)="insert()" novalidate>
        <mat-dialog-content>
          @if (otherForm()) {
            <p class="amt-muted">{{ 'textBlocks.picker.otherForm' | t: { form: otherForm()! } }}</p>
          }
          @for (field of fields(); track field.key) {
            <mat-form-field class="field">
              <mat-label>{{ field.label }}</mat-label>
              <input matInput [formControlName]="field.key" [attr.data-placeholder]="field.key" />
              @if (field.defaultValue) {
                <mat-hint>{{ 'textBlocks.picker.default' | t: { value: field.defaultValue } }}</mat-hint>
              }
            </mat-form-field>
          }
          <p class="preview-label">{{ 'textBlocks.picker.preview' | t }}</p>
          <p class="preview" data-testid="picker-preview">{{ preview().text }}</p>
          @if (preview().unfilled.length > 0) {
            <p class="unfilled" role="status">{{ 'textBlocks.picker.unfilled' | t: { names: unfilledNames() } }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" (click)="back()">{{ 'textBlocks.picker.back' | t }}</button>
          <button mat-flat-button type="submit">{{ 'textBlocks.picker.insert' | t }}</button>
        </mat-dialog-actions>
      </form>
    } @else {
      <h2 mat-dialog-title [id]="ids.heading">{{ 'textBlocks.picker.heading' | t }}</h2>
      <mat-dialog-content>
        <mat-form-field class="field">
          <mat-label>{{ 'textBlocks.picker.search' | t }}</mat-label>
          <input
            #search
            matInput
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            [attr.aria-expanded]="options().length > 0"
            [attr.aria-controls]="ids.list"
            [attr.aria-activedescendant]="options().length ? ids.option + active() : null"
            [value]="query()"
            (input)="query.set($any($event.target).value)"
            (keydown)="onKey($event)"
          />
          <mat-hint>{{ 'textBlocks.picker.hint' | t }}</mat-hint>
        </mat-form-field>
        <ng-template #option let-hit let-i="index">
          <div
            role="option"
            class="hit"
            [id]="ids.option + i"
            [class.hit--active]="i === active()"
            [attr.aria-selected]="i === active()"
            tabindex="-1"
            (mousedown)="$event.preventDefault()"
            (click)="choose(hit)"
            (keydown.enter)="choose(hit)"
          >
            <span class="hit__code">/{{ hit.shortCode }}</span>
            <span class="hit__title">{{ hit.title }}</span>
            <span class="hit__category">{{ hit.category.name }}</span>
          </div>
        </ng-template>
        <div class="hits" role="listbox" [id]="ids.list" [attr.aria-labelledby]="ids.heading">
          @if (pinnedShown().length) {
            <!-- The active crisis' holding statements first, as a labelled group (docs/crisis.md). -->
            <div role="group" class="group" data-testid="picker-holding-statements" [attr.aria-label]="'textBlocks.picker.holdingStatements' | t">
              <div class="group__label" aria-hidden="true">{{ 'textBlocks.picker.holdingStatements' | t }}</div>
              @for (hit of pinnedShown(); track hit.id; let i = $index) {
                <ng-container *ngTemplateOutlet="option; context: { $implicit: hit, index: i }" />
              }
            </div>
            @if (searchShown().length) {
              <div role="group" class="group" [attr.aria-label]="'textBlocks.picker.otherBlocks' | t">
                <div class="group__label" aria-hidden="true">{{ 'textBlocks.picker.otherBlocks' | t }}</div>
                @for (hit of searchShown(); track hit.id; let i = $index) {
                  <ng-container *ngTemplateOutlet="option; context: { $implicit: hit, index: i + pinnedShown().length }" />
                }
              </div>
            }
          } @else {
            @for (hit of searchShown(); track hit.id; let i = $index) {
              <ng-container *ngTemplateOutlet="option; context: { $implicit: hit, index: i }" />
            }
          }
        </div>
        <p class="amt-muted" role="status">
          @if (searching()) {
            {{ 'textBlocks.picker.searching' | t }}
          } @else if (options().length === 0) {
            {{ 'textBlocks.picker.none' | t }}
          } @else {
            {{ 'textBlocks.picker.count' | t: { count: options().length } }}
          }
        </p>
      </mat-dialog-content>
    }
  `,
  styles: `
    .field {
      width: 100%;
    }
    .hits {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 50vh;
      overflow: auto;
    }
    .hit {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 12px;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      cursor: pointer;
    }
    .hit--active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      outline: 2px solid var(--mat-sys-primary);
    }
    .group__label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      margin: 8px 12px 4px;
    }
    .hit__code {
      font-family: monospace;
      font-weight: 600;
    }
    .hit__category {
      grid-column: 2;
      font: var(--mat-sys-body-small);
    }
    .preview-label {
      font: var(--mat-sys-label-large);
      margin: 8px 0 4px;
    }
    .preview {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      margin: 0;
    }
    .unfilled {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class TextBlockPickerDialog {
  private readonly api = inject(TextBlocksApi);
  private readonly dialog = inject<MatDialogRef<TextBlockPickerDialog, PickedTextBlock>>(MatDialogRef);
  private readonly data = inject<TextBlockPickerData>(MAT_DIALOG_DATA);
  private readonly notice = inject(ProblemNotice);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('search');

  protected readonly ids = (() => {
    const n = nextId++;
    return { heading: `tb-picker-heading-${n}`, list: `tb-picker-list-${n}`, option: `tb-picker-option-${n}-` };
  })();
  protected readonly query = signal(this.data.options.query ?? '');
  protected readonly hits = signal<TextBlockHit[]>([]);
  /** The active crisis' holding statements (options.holdingStatements), matching what was typed. */
  private readonly pinned = signal<TextBlockHit[]>([]);
  protected readonly pinnedShown = computed(() => {
    const q = this.query().trim().replace(/^\//, '').toLowerCase();
    return this.pinned().filter((h) => !q || h.shortCode.includes(q) || h.title.toLowerCase().includes(q));
  });
  protected readonly searchShown = computed(() => {
    const pinned = new Set(this.pinnedShown().map((h) => h.id));
    return this.hits().filter((h) => !pinned.has(h.id));
  });
  /** Every option in the order shown (the keyboard walks through both groups). */
  protected readonly options = computed(() => [...this.pinnedShown(), ...this.searchShown()]);
  protected readonly searching = signal(true);
  protected readonly active = signal(0);
  protected readonly chosen = signal<TextBlockHit | null>(null);
  protected readonly fill = new FormRecord<FormControl<string>>({});
  private readonly values = signal<Record<string, string>>({});
  private readonly wantedForm: AddressForm = this.data.options.addressForm ?? this.data.settings.addressForm;

  private readonly body = computed(() => {
    const hit = this.chosen();
    return hit ? bodyFor(hit.body, this.wantedForm) : null;
  });
  protected readonly otherForm = computed(() => {
    const body = this.body();
    return body && body.form !== this.wantedForm ? (body.form === 'sie' ? 'Sie' : 'Du') : null;
  });
  protected readonly fields = computed(() =>
    placeholdersIn(this.body()?.body ?? '').map((key) => {
      const own = this.data.settings.placeholders.find((p) => p.key === key);
      return { key, label: isBuiltInPlaceholder(key) ? BUILT_IN_PLACEHOLDER_LABELS[key] : (own?.label ?? key), defaultValue: own?.defaultValue ?? null };
    }),
  );
  protected readonly preview = computed(() => renderPlaceholders(this.body()?.body ?? '', this.values(), this.data.settings.placeholders));
  protected readonly unfilledNames = computed(() => this.preview().unfilled.map((k) => `{{${k}}}`).join(', '));

  constructor() {
    toObservable(this.query)
      .pipe(
        debounceTime(120),
        distinctUntilChanged(),
        switchMap((q) => {
          this.searching.set(true);
          return this.api.search(this.data.options.organizationId, { q, for: 'picker', limit: 8 }).pipe(
            catchError((error: unknown) => {
              this.notice.showError(error);
              return of([] as TextBlockHit[]);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((hits) => {
        this.searching.set(false);
        this.hits.set(hits);
        this.active.set(0);
      });
    if (this.data.options.holdingStatements) {
      inject(PickerHoldingStatements)
        .load(this.data.options.organizationId)
        .pipe(takeUntilDestroyed())
        .subscribe((statements) => {
          this.pinned.set(statements);
          this.active.set(0);
        });
    }
    this.fill.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.values.set(this.fill.getRawValue()));
    afterNextRender(() => this.searchInput()?.nativeElement.focus());
  }

  protected onKey(event: KeyboardEvent): void {
    const count = this.options().length;
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      this.active.set((this.active() + 1) % count);
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      this.active.set((this.active() - 1 + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = this.options()[this.active()];
      if (hit) this.choose(hit);
    }
  }

  protected choose(hit: TextBlockHit): void {
    this.chosen.set(hit);
    const known = this.data.options.values ?? {};
    for (const key of Object.keys(this.fill.controls)) this.fill.removeControl(key);
    for (const field of this.fields()) this.fill.addControl(field.key, new FormControl(known[field.key] ?? '', { nonNullable: true }));
    this.values.set(this.fill.getRawValue());
    if (this.fields().length === 0) this.insert();
    else setTimeout(() => document.querySelector<HTMLInputElement>('amt-text-block-picker-dialog input[data-placeholder]')?.focus());
  }

  protected back(): void {
    this.chosen.set(null);
    setTimeout(() => this.searchInput()?.nativeElement.focus());
  }

  /** Hands back the rendered text; unfilled placeholders stay visible in it (the reply composer refuses to send those). */
  protected insert(): void {
    const hit = this.chosen();
    const body = this.body();
    if (!hit || !body) return;
    const text = this.preview().text;
    const picked: PickedTextBlock = { textBlockId: hit.id, versionId: hit.versionId, shortCode: hit.shortCode, title: hit.title, text, addressForm: body.form };
    if (this.data.options.recordUse === false) {
      this.dialog.close(picked);
      return;
    }
    this.api.recordUse(this.data.options.organizationId, hit.id, hit.versionId).subscribe({
      next: () => this.dialog.close(picked),
      // The text is still handed back: counting a use must not stop a reply.
      error: () => this.dialog.close(picked),
    });
  }
}

import { type Signal, inject, signal } from '@angular/core';
import type { FormGroup, FormGroupDirective } from '@angular/forms';
import type { Observable } from 'rxjs';
import type { Loader } from '../shared/http/load-on-request';
import { formProblemAlert } from '../shared/http/problem-form';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { isStaleVersion } from '../shared/http/problem';

/** An entry of a catalogue (channel, topic, series): saved with the version the person saw. */
export interface CatalogueEntry {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

export interface CatalogueFormOptions<E extends CatalogueEntry> {
  readonly form: FormGroup;
  /** The page's form directive: resetting through it also clears "submitted". */
  readonly formDirective: Signal<FormGroupDirective | undefined>;
  /** The list above the form, read again after every save. */
  readonly list: Pick<Loader<unknown>, 'reload'>;
  readonly savedMessage: (saved: E) => string;
  /** What a page does besides emptying the form, e.g. unlocking a field only new entries may set. */
  readonly afterCancel?: () => void;
}

export interface CatalogueForm<E extends CatalogueEntry> {
  /** The entry in the form, or null while the form adds a new one. */
  readonly editing: Signal<E | null>;
  readonly pending: Signal<boolean>;
  readonly alert: Signal<string | null>;
  /** Takes the entry into the form; the page fills the fields. */
  edit(entry: E): void;
  cancel(): void;
  /**
   * Checks the form, then sends what `request` builds for the entry being edited (null: a new
   * one). A stale version offers to reload; other refusals show at the fields and in the alert.
   */
  submit(request: (editing: E | null) => Observable<E>): void;
}

/**
 * The list-and-form pattern the channel, topic and series pages share: one entry at a time in
 * the form below the list. Call it in an injection context (a field initializer).
 */
export function catalogueForm<E extends CatalogueEntry>(options: CatalogueFormOptions<E>): CatalogueForm<E> {
  const notice = inject(ProblemNotice);
  const i18n = inject(I18n);
  const editing = signal<E | null>(null);
  const pending = signal(false);
  const alert = signal<string | null>(null);

  function cancel(): void {
    editing.set(null);
    alert.set(null);
    const formDirective = options.formDirective();
    if (formDirective) formDirective.resetForm();
    else options.form.reset();
    options.afterCancel?.();
  }

  function submit(request: (entry: E | null) => Observable<E>): void {
    if (pending()) return;
    if (options.form.invalid) {
      options.form.markAllAsTouched();
      return;
    }
    pending.set(true);
    alert.set(null);
    request(editing()).subscribe({
      next: (saved) => {
        pending.set(false);
        notice.confirm(options.savedMessage(saved));
        cancel();
        options.list.reload();
      },
      error: (error: unknown) => {
        pending.set(false);
        if (isStaleVersion(error)) {
          notice
            .showErrorText(i18n.t('problem.staleVersion'), i18n.t('common.reload'))
            .onAction()
            .subscribe(() => {
              cancel();
              options.list.reload();
            });
          return;
        }
        alert.set(formProblemAlert(options.form, error, i18n));
      },
    });
  }

  return {
    editing: editing.asReadonly(),
    pending: pending.asReadonly(),
    alert: alert.asReadonly(),
    edit: (entry) => {
      editing.set(entry);
      alert.set(null);
    },
    cancel,
    submit,
  };
}

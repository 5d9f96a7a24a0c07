import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { SERVER_ERROR } from '../http/problem-form';
import { I18n } from '../i18n/i18n';

/**
 * `<mat-error>{{ form.controls.email.errors | fieldError }}</mat-error>`: one message per
 * field, the server's verdict first because it is the one that blocked saving.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(errors: ValidationErrors | null): string {
    if (!errors) return '';
    const server: unknown = errors[SERVER_ERROR];
    if (typeof server === 'string') return server;
    if (errors['required']) return this.i18n.t('validation.required');
    if (errors['email']) return this.i18n.t('validation.email');
    const minLength = lengthError(errors['minlength']);
    if (minLength) return this.i18n.t('validation.minLength', { min: minLength });
    const maxLength = lengthError(errors['maxlength']);
    if (maxLength) return this.i18n.t('validation.maxLength', { max: maxLength });
    return this.i18n.t('problem.unexpected');
  }
}

function lengthError(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('requiredLength' in error)) return null;
  return typeof error.requiredLength === 'number' ? error.requiredLength : null;
}

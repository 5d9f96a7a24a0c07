import type { AbstractControl } from '@angular/forms';
import type { FieldError, ProblemDetails } from '@amtsplan/contracts';
import type { I18n } from '../i18n/i18n';
import { describeFailure, problemOf } from './problem';

export const SERVER_ERROR = 'server';

/**
 * Puts each `errors[].path` message of a problem onto the form control with that path, so
 * it is shown at the field. The control's own validators drop it again on the next edit.
 *
 * @returns the field errors no control matched; the caller shows them in a general notice.
 */
export function applyProblemToForm(form: AbstractControl, problem: ProblemDetails): readonly FieldError[] {
  const unmatched: FieldError[] = [];
  for (const fieldError of problem.errors ?? []) {
    const control = fieldError.path === '' ? null : form.get(fieldError.path);
    if (!control) {
      unmatched.push(fieldError);
      continue;
    }
    control.setErrors({ ...control.errors, [SERVER_ERROR]: fieldError.message });
    // mat-error only shows for touched controls; a server verdict counts as a visit.
    control.markAsTouched();
  }
  return unmatched;
}

/**
 * After a refused submit: puts the field errors at their controls and returns the text for
 * the form's alert, or null when every message already sits at its field. The alert names
 * what went wrong and adds the messages no control could take.
 */
export function formProblemAlert(form: AbstractControl, error: unknown, i18n: I18n): string | null {
  const problem = problemOf(error);
  const unmatched = problem ? applyProblemToForm(form, problem) : [];
  const everyErrorAtItsField = (problem?.errors?.length ?? 0) > 0 && unmatched.length === 0;
  if (everyErrorAtItsField) return null;
  return [describeFailure(error, i18n), ...unmatched.map((fieldError) => fieldError.message)].join(' ');
}

import type { AbstractControl } from '@angular/forms';
import type { FieldError, ProblemDetails } from '@amtsplan/contracts';

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

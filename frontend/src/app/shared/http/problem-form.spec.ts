import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { ProblemDetails } from '@amtsplan/contracts';
import { SERVER_ERROR, applyProblemToForm } from './problem-form';

function validationProblem(errors: ProblemDetails['errors']): ProblemDetails {
  return { type: 'urn:amtsplan:problem:validation', title: 'Ungültige Eingabe', status: 400, errors };
}

describe('applyProblemToForm', () => {
  function invitationForm() {
    return new FormGroup({
      email: new FormControl('chef@musterstadt.example', { nonNullable: true, validators: Validators.required }),
      role: new FormControl('editor', { nonNullable: true }),
      address: new FormGroup({ street: new FormControl('', { nonNullable: true }) }),
    });
  }

  it('puts each message on the control named by its path and marks it touched', () => {
    const form = invitationForm();

    const unmatched = applyProblemToForm(
      form,
      validationProblem([{ path: 'email', message: 'Diese Person ist schon Mitglied' }]),
    );

    expect(unmatched).toEqual([]);
    expect(form.controls.email.errors).toEqual({ [SERVER_ERROR]: 'Diese Person ist schon Mitglied' });
    expect(form.controls.email.touched).toBe(true);
    expect(form.controls.role.errors).toBeNull();
    expect(form.invalid).toBe(true);
  });

  it('follows dotted paths into nested groups', () => {
    const form = invitationForm();

    applyProblemToForm(form, validationProblem([{ path: 'address.street', message: 'Bitte eine Straße angeben' }]));

    expect(form.controls.address.controls.street.getError(SERVER_ERROR)).toBe('Bitte eine Straße angeben');
  });

  it('keeps client-side errors next to the server message', () => {
    const form = invitationForm();
    form.controls.email.setValue('');

    applyProblemToForm(form, validationProblem([{ path: 'email', message: 'Pflichtfeld' }]));

    expect(form.controls.email.errors).toEqual({ required: true, [SERVER_ERROR]: 'Pflichtfeld' });
  });

  it('returns the messages that belong to no control, including form-wide ones', () => {
    const form = invitationForm();
    const problem = validationProblem([
      { path: 'email', message: 'Ungültig' },
      { path: 'unknownField', message: 'Unbekanntes Feld' },
      { path: '', message: 'Die Anfrage ist unvollständig' },
    ]);

    const unmatched = applyProblemToForm(form, problem);

    expect(unmatched.map((error) => error.message)).toEqual(['Unbekanntes Feld', 'Die Anfrage ist unvollständig']);
  });

  it('lets the next edit clear the server message', () => {
    const form = invitationForm();
    applyProblemToForm(form, validationProblem([{ path: 'email', message: 'Ungültig' }]));

    form.controls.email.setValue('neu@musterstadt.example');

    expect(form.controls.email.errors).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('changes nothing for a problem without field errors', () => {
    const form = invitationForm();

    const unmatched = applyProblemToForm(form, { type: 'urn:amtsplan:problem:conflict', title: 'Konflikt', status: 409 });

    expect(unmatched).toEqual([]);
    expect(form.valid).toBe(true);
  });
});

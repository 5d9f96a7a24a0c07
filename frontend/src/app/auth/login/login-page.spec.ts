import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter } from '@angular/router';
import type { MeResponse, ProblemDetails } from '@amtsplan/contracts';
import { LoginPage } from './login-page';

const ME: MeResponse = {
  user: { id: 'u1', email: 'admin@musterstadt.example', displayName: 'Alex Admin', locale: 'de', isOperator: false },
  memberships: [{ id: 'm1', organization: { id: 'org-1', name: 'Stadt Musterstadt' }, role: 'admin' }],
};

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])],
    });
    fixture = TestBed.createComponent(LoginPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function fillIn(email: string, password: string): Promise<void> {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="email"]' }))).setValue(email);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="password"]' }))).setValue(password);
  }

  async function submit(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Anmelden' }))).click();
  }

  function alertText(): string | null {
    const alert: HTMLElement | null = fixture.nativeElement.querySelector('[role="alert"] .amt-inline-alert__text');
    return alert?.textContent?.trim() ?? null;
  }

  it('shows a server validation message at the field it belongs to', async () => {
    await fillIn('admin@musterstadt.example', 'geheim');
    await submit();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'admin@musterstadt.example', password: 'geheim' });
    const problem: ProblemDetails = {
      type: 'urn:amtsplan:problem:validation',
      title: 'Ungültige Eingabe',
      status: 400,
      errors: [{ path: 'email', message: 'Diese E-Mail-Adresse ist nicht zugelassen' }],
    };
    request.flush(problem, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    const emailField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'E-Mail' }));
    expect(await emailField.getTextErrors()).toEqual(['Diese E-Mail-Adresse ist nicht zugelassen']);
    const passwordField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Passwort' }));
    expect(await passwordField.getTextErrors()).toEqual([]);
    expect(alertText()).toBeNull();
  });

  it('says that e-mail or password is wrong on 401, without naming which', async () => {
    await fillIn('admin@musterstadt.example', 'falsch');
    await submit();

    http
      .expectOne('/api/auth/login')
      .flush({ type: 'urn:amtsplan:problem:unauthenticated', title: 'Nicht angemeldet', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(alertText()).toBe('E-Mail oder Passwort ist nicht korrekt.');
  });

  it('tells how many minutes to wait after too many attempts, from Retry-After', async () => {
    await fillIn('admin@musterstadt.example', 'falsch');
    await submit();

    http
      .expectOne('/api/auth/login')
      .flush(
        { type: 'urn:amtsplan:problem:too-many-requests', title: 'Zu viele Anfragen', status: 429 },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '540' } },
      );
    await fixture.whenStable();

    expect(alertText()).toBe('Zu viele Anmeldeversuche. Bitte in 9 Minuten erneut versuchen.');
  });

  it('does not send an incomplete form and shows what is missing', async () => {
    await fillIn('', '');
    await submit();

    http.expectNone('/api/auth/login');
    const emailField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'E-Mail' }));
    expect(await emailField.getTextErrors()).toEqual(['Bitte ausfüllen.']);
  });

  it('opens the first authority after a successful login', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    await fillIn('admin@musterstadt.example', 'richtig');
    await submit();

    http.expectOne('/api/auth/login').flush(ME);
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/', 'o', 'org-1', 'redaktionsplan']);
  });

  it('goes back to the page that asked for the login', async () => {
    fixture.componentRef.setInput('weiter', '/o/org-1/einstellungen/mitglieder');
    await fillIn('admin@musterstadt.example', 'richtig');
    await submit();
    http.expectOne('/api/auth/login').flush(ME);
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/o/org-1/einstellungen/mitglieder');
  });

  it('never follows a return address to another site', async () => {
    fixture.componentRef.setInput('weiter', '//evil.example/phish');
    await fillIn('admin@musterstadt.example', 'richtig');
    await submit();
    http.expectOne('/api/auth/login').flush(ME);
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/o/org-1/redaktionsplan');
  });
});

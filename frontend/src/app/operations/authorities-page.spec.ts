import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { CreateOrganizationRequest, OperatorOrganizationView, ProblemDetails } from '@amtsplan/contracts';
import { AuthoritiesPage } from './authorities-page';
import type { OrganizationCreated } from './operator-organizations-api';

const URL = '/api/operator/organizations';

const MUSTERSTADT: OperatorOrganizationView = { id: 'org-1', name: 'Stadt Musterstadt', createdAt: '2026-10-01T08:00:00Z' };
// 23:30 UTC is already the next day in Berlin: the list shows the authority's German date.
const LANDKREIS: OperatorOrganizationView = { id: 'org-2', name: 'Landkreis Beispiel', createdAt: '2026-11-20T23:30:00Z' };
const TESTDORF: OperatorOrganizationView = { id: 'org-3', name: 'Gemeinde Testdorf', createdAt: '2026-12-03T09:15:00Z' };
const ACCEPT_URL = 'https://amtsplan.example/einladung/einmal-token';

describe('AuthoritiesPage', () => {
  let fixture: ComponentFixture<AuthoritiesPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AuthoritiesPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuthoritiesPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  async function listed(): Promise<string[][]> {
    const table = await loader.getHarness(MatTableHarness);
    return table.getCellTextByIndex();
  }

  async function fillForm(name: string, bundesland: string, email: string): Promise<void> {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="name"]' }))).setValue(name);
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: bundesland });
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="firstAdminEmail"]' }))).setValue(email);
  }

  async function submit(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Anlegen' }))).click();
  }

  it('lists the authorities with the day they were created', async () => {
    http.expectOne(URL).flush([LANDKREIS, MUSTERSTADT]);
    await fixture.whenStable();

    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual(['Name', 'Angelegt am']);
    expect(await listed()).toEqual([
      ['Landkreis Beispiel', '21.11.2026'],
      ['Stadt Musterstadt', '01.10.2026'],
    ]);
  });

  it('creates an authority, lists it and shows the first administration its one-time link', async () => {
    http.expectOne(URL).flush([MUSTERSTADT]);
    await fixture.whenStable();

    await fillForm('Gemeinde Testdorf', 'Schleswig-Holstein', 'erste.admin@testdorf.example');
    await submit();

    const request = http.expectOne({ url: URL, method: 'POST' });
    expect(request.request.body).toEqual<CreateOrganizationRequest>({
      name: 'Gemeinde Testdorf',
      bundesland: 'SH',
      firstAdminEmail: 'erste.admin@testdorf.example',
    });
    request.flush({ organization: TESTDORF, acceptUrl: ACCEPT_URL } satisfies OrganizationCreated, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    // The list is read again, so it shows the authority as the server stored and sorted it.
    http.expectOne({ url: URL, method: 'GET' }).flush([TESTDORF, MUSTERSTADT]);
    await fixture.whenStable();

    expect(await listed()).toEqual([
      ['Gemeinde Testdorf', '03.12.2026'],
      ['Stadt Musterstadt', '01.10.2026'],
    ]);
    const link = await loader.getHarness(MatInputHarness.with({ selector: '[readonly]' }));
    expect(await link.getValue()).toBe(ACCEPT_URL);
    expect(text()).toContain('Einladungslink für erste.admin@testdorf.example');
    expect((fixture.nativeElement as HTMLElement).querySelector('[aria-live="polite"] amt-invitation-link')).not.toBeNull();
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Link kopieren/ }))).not.toBeNull();
    // The form is empty again for the next authority, without complaining about it.
    const nameField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name der Behörde' }));
    expect(await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="name"]' }))).getValue()).toBe('');
    expect(await nameField.hasErrors()).toBe(false);
  });

  it('shows what the server refused at the field it belongs to, and no link', async () => {
    http.expectOne(URL).flush([MUSTERSTADT]);
    await fixture.whenStable();

    await fillForm('Gemeinde Testdorf', 'Schleswig-Holstein', 'erste.admin@testdorf.example');
    await submit();

    const problem: ProblemDetails = {
      type: 'urn:amtsplan:problem:validation',
      title: 'Ungültige Eingabe',
      status: 400,
      errors: [{ path: 'firstAdminEmail', message: 'Diese Adresse nimmt keine E-Mails an' }],
    };
    http.expectOne({ url: URL, method: 'POST' }).flush(problem, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    const emailField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'E-Mail der ersten Administration' }));
    expect(await emailField.getTextErrors()).toEqual(['Diese Adresse nimmt keine E-Mails an']);
    const nameField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name der Behörde' }));
    expect(await nameField.hasErrors()).toBe(false);
    // Every message sits at its field, so there is no general alert, and nothing was created.
    expect(text()).not.toContain('Ungültige Eingabe');
    expect(text()).not.toContain('Einladungslink');
    expect(await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="name"]' }))).getValue()).toBe(
      'Gemeinde Testdorf',
    );
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ExerciseProgressView } from '@amtsplan/contracts';
import { OwnShares } from './cohort/own-shares';
import { ExerciseUpload } from './exercise-upload';

const URL = '/api/orgs/org-1/program/enrolments/enr-1/exercises/w06-vorlage-gestalten/upload';

function progress(upload: ExerciseProgressView['upload']): ExerciseProgressView {
  return {
    exerciseId: 'w06-vorlage-gestalten',
    kind: 'upload',
    title: 'Eine Grafikvorlage gestalten',
    minutes: 70,
    status: upload ? 'done' : 'open',
    missing: upload ? [] : ['Datei hochladen.'],
    doneAt: null,
    version: upload ? 1 : 0,
    upload,
  };
}

const uploaded = { id: 'up-1', altText: 'Serienkachel in Stadtblau', contentType: 'image/png', byteSize: 2048, width: 640, height: 360, uploadedAt: '2026-12-07T10:00:00Z', version: 2 };

describe('ExerciseUpload', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    // The page provides OwnShares (what the participant shared); here, an empty cohort.
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), OwnShares] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(current: ExerciseProgressView) {
    const fixture = TestBed.createComponent(ExerciseUpload);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('enrolmentId', 'enr-1');
    fixture.componentRef.setInput('exerciseId', 'w06-vorlage-gestalten');
    fixture.componentRef.setInput('artefact', 'eine Grafik für Ihre Serie');
    fixture.componentRef.setInput('progress', current);
    const saved: ExerciseProgressView[] = [];
    fixture.componentInstance.saved.subscribe((view) => saved.push(view));
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, saved };
  }

  const button = (element: HTMLElement, text: string) => [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

  it('uploads only with a file and an alt text, the alt text before the file', async () => {
    const { fixture, element, saved } = await render(progress(null));
    expect(element.textContent).toContain('Hochzuladen: eine Grafik für Ihre Serie.');
    expect(button(element, 'Hochladen').disabled).toBe(true);

    const input = element.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toBe('image/jpeg,image/png,image/webp,image/gif');
    expect(element.querySelector(`label[for="${input.id}"]`)?.textContent).toContain('Bild auswählen');
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'kachel.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(button(element, 'Hochladen').disabled).toBe(true);

    const alt = element.querySelector('textarea')!;
    alt.value = '  Serienkachel in Stadtblau ';
    alt.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    button(element, 'Hochladen').click();

    const request = http.expectOne(URL);
    expect(request.request.method).toBe('POST');
    const body = request.request.body as FormData;
    expect([...body.keys()]).toEqual(['altText', 'file']);
    expect(body.get('altText')).toBe('Serienkachel in Stadtblau');
    request.flush(progress(uploaded));
    expect(saved.map((s) => s.status)).toEqual(['done']);
  });

  it('shows the uploaded image with its alt text, and corrects the alt text with the version shown', async () => {
    const { fixture, element } = await render(progress(uploaded));
    const image = element.querySelector('img')!;
    expect(image.getAttribute('alt')).toBe('Serienkachel in Stadtblau');
    expect(image.getAttribute('src')).toBe(`${URL}/file?v=2`);
    expect(element.textContent).toContain('Alternativtext: Serienkachel in Stadtblau');
    expect(button(element, 'Ersetzen')).toBeTruthy();
    expect(button(element, 'Alternativtext speichern').disabled).toBe(true);

    const alt = element.querySelector('textarea')!;
    alt.value = 'Serienkachel „Frag das Amt“ in Stadtblau';
    alt.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    button(element, 'Alternativtext speichern').click();
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 2, altText: 'Serienkachel „Frag das Amt“ in Stadtblau' });
    request.flush(progress({ ...uploaded, altText: 'Serienkachel „Frag das Amt“ in Stadtblau', version: 3 }));
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { AuthorityOption, CohortView, RunView } from '@amtsplan/contracts';
import { CohortPage } from '../cohort/cohort-page';
import { FacilitationPage } from './facilitation-page';

const run = (openWeeks = 3, version = 4): RunView => ({
  id: 'run-1',
  name: 'Lernprogramm Social Media 2026',
  startsOn: '2026-11-23',
  unlockedThroughWeek: 0,
  openWeeks,
  curriculumVersion: '2027.1',
  version,
  cohorts: [{ id: 'cohort-1', name: 'Peer-Gruppe Nord', meeting: { weekday: 4, time: '10:00', minutes: 90 }, nextMeetingAt: null, authorities: 2 }],
});
const authorities: AuthorityOption[] = [
  { id: 'org-a', name: 'Stadt Musterstadt' },
  { id: 'org-b', name: 'Landkreis Beispiel' },
];

describe('FacilitationPage (/programmleitung)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(runs: RunView[] | 'forbidden') {
    const fixture = TestBed.createComponent(FacilitationPage);
    await fixture.whenStable();
    if (runs === 'forbidden') {
      http.expectOne('/api/program/runs').flush({ status: 403 }, { status: 403, statusText: 'Forbidden' });
      // forkJoin gives up on the other request once the first one fails.
      http.match('/api/program/authorities').filter((r) => !r.cancelled).forEach((r) => r.flush({ status: 403 }, { status: 403, statusText: 'Forbidden' }));
    } else {
      http.expectOne('/api/program/runs').flush(runs);
      http.expectOne('/api/program/authorities').flush(authorities);
    }
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement, loader: TestbedHarnessEnvironment.loader(fixture) as HarnessLoader };
  }

  it("shows the facilitator's own runs with open weeks and each cohort with a link to its progress", async () => {
    const { element } = await render([run()]);
    expect(element.querySelector('h2')?.textContent).toContain('Lernprogramm Social Media 2026');
    expect(element.textContent).toContain('freigeschaltet bis Woche 3');
    expect(element.textContent).toContain('2 von 5 Behörden');
    const link = [...element.querySelectorAll('a')].find((a) => a.textContent?.includes('Peer-Gruppe Nord'));
    expect(link?.getAttribute('href')).toBe('/programmleitung/gruppe/cohort-1');
  });

  it('unlocks weeks early, forward only, sending the run version that was shown, and reads the runs again', async () => {
    const { fixture, loader } = await render([run(3, 4)]);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '.run mat-select' }));
    await select.open();
    const options = await select.getOptions();
    // Only later weeks are offered: 4 to 12.
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual(Array.from({ length: 9 }, (_, i) => `Woche ${i + 4}`));
    await options[2]!.click();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Freischalten' }))).click();
    const unlock = http.expectOne('/api/program/runs/run-1/unlock');
    expect(unlock.request.method).toBe('POST');
    expect(unlock.request.body).toEqual({ throughWeek: 6, version: 4 });
    unlock.flush(run(6, 5));
    await fixture.whenStable();
    http.expectOne('/api/program/runs').flush([run(6, 5)]);
    http.expectOne('/api/program/authorities').flush(authorities);
    await fixture.whenStable();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('freigeschaltet bis Woche 6');
  });

  it("lists nothing of another facilitator's runs (the API answers only one's own)", async () => {
    const { element } = await render([]);
    expect(element.textContent).toContain('Noch keine Durchgänge.');
    expect(element.querySelector('amt-run-card')).toBeNull();
  });

  it('says so when the account has no Programmleitung grant', async () => {
    const { element } = await render('forbidden');
    expect(element.textContent).toContain('Dieses Konto hat keine Programmleitung.');
  });
});

describe('CohortPage for the Programmleitung (/programmleitung/gruppe/:cohortId)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it("shows each member's progress in the cohort, and a not-found message for someone else's cohort", async () => {
    const cohort: CohortView = {
      id: 'cohort-1',
      name: 'Peer-Gruppe Nord',
      run: { id: 'run-1', name: 'Lernprogramm Social Media 2026', startsOn: '2026-11-23', openWeeks: 3 },
      meeting: { weekday: 4, time: '10:00', minutes: 90 },
      nextMeetingAt: null,
      members: [
        { enrolmentId: 'e-a', organization: { id: 'org-a', name: 'Stadt Musterstadt' }, participant: { id: 'u-a', displayName: 'Rita Redaktion' }, doneByWeek: [3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        { enrolmentId: 'e-b', organization: { id: 'org-b', name: 'Landkreis Beispiel' }, participant: { id: 'u-b', displayName: 'Robert Redaktion' }, doneByWeek: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      ],
      shares: [],
      midpointReviews: [],
    };
    const fixture = TestBed.createComponent(CohortPage);
    fixture.componentRef.setInput('cohortId', 'cohort-1');
    await fixture.whenStable();
    http.expectOne('/api/program/cohorts/cohort-1').flush(cohort);
    await fixture.whenStable();
    fixture.detectChanges();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('Rita Redaktion');
    expect(text).toContain('6 Aufgaben erledigt, davon 1 in Woche 3');
    expect(text).toContain('Robert Redaktion');
    expect(text).toContain('1 Aufgaben erledigt, davon 0 in Woche 3');

    fixture.componentRef.setInput('cohortId', 'cohort-of-someone-else');
    await fixture.whenStable();
    http.expectOne('/api/program/cohorts/cohort-of-someone-else').flush({ status: 404, title: 'Nicht gefunden' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain('Rita Redaktion');
  });
});

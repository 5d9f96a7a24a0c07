import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CohortView, MyProgramView, ShareView } from '@amtsplan/contracts';
import { STALE_VERSION_PROBLEM } from '../shared/http/api-contract';
import { MyProgramPage } from './my-program-page';
import { curriculum, program } from './program-test-data';

describe('MyProgramPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  function cohort(shares: ShareView[] = []): CohortView {
    return {
      id: 'c-1',
      name: 'Peer-Gruppe Nord',
      run: { id: 'run-1', name: 'Lernprogramm 2026', startsOn: '2026-11-23', openWeeks: 3 },
      meeting: { weekday: 4, time: '10:00', minutes: 90 },
      nextMeetingAt: null,
      members: [],
      shares,
      midpointReviews: [],
    };
  }

  async function open(view: MyProgramView, shares: ShareView[] = []) {
    const fixture = TestBed.createComponent(MyProgramPage);
    fixture.componentRef.setInput('orgId', 'org-1');
    await fixture.whenStable();
    http.expectOne('/api/orgs/org-1/program').flush(view);
    http.expectOne('/api/program/curriculum').flush(curriculum);
    await fixture.whenStable();
    // The cohort is read once for the participant's own shares ("teilen" or "zurückziehen").
    if (view.enrolments.length) http.expectOne('/api/program/cohorts/c-1').flush(cohort(shares));
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows run, cohort, next meeting and the current week with its exercises; later weeks by their opening day', async () => {
    const { element } = await open(program(5));
    const text = element.textContent ?? '';
    expect(text).toContain('Lernprogramm 2026');
    expect(text).toContain('Peer-Gruppe Nord');
    expect(text).toContain('jeden Donnerstag, 10:00 Uhr (90 Minuten)');
    expect(text).toContain('Donnerstag, 10. Dezember 2026 um 10:00');
    const calendar = element.querySelector<HTMLAnchorElement>('a[href="/api/program/cohorts/c-1/calendar.ics"]');
    expect(calendar?.textContent?.trim()).toBe('Termine in den Kalender (iCal)');
    expect(calendar?.hasAttribute('download')).toBe(true);
    expect(text).toContain('ab 14.12.2026');
    expect(text).toContain('Ein Plan nimmt Druck heraus.');
    expect(text).toContain('5 von 8 Beiträgen geplant, 1 Thema');
    expect(text).toContain('Zum Redaktionsplan');
    expect(text).toContain('Erledigt');
  });

  it('saves a reflection with its version and shows it as done once marked finished', async () => {
    const { fixture, element } = await open(program(5));
    const textarea = element.querySelector('textarea')!;
    textarea.value = 'Wir posten dreimal pro Woche: Service, Termine und Einblicke.';
    textarea.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const finish = Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.includes('Als fertig markieren'))!;
    finish.click();
    const request = http.expectOne('/api/orgs/org-1/program/enrolments/enr-1/exercises/w03-themen-und-rhythmus/reflection');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ version: 0, answer: textarea.value, finished: true });
    request.flush({ exerciseId: 'w03-themen-und-rhythmus', kind: 'reflection', title: 'Themen und Rhythmus', minutes: 45, status: 'done', missing: [], doneAt: '2026-12-07T10:00:00Z', version: 1, answer: textarea.value, finished: true });
    await fixture.whenStable();
    const card = element.querySelector('#exercise-w03-themen-und-rhythmus')!.closest('article')!;
    expect(card.textContent).toContain('Erledigt');
    expect(card.textContent).toContain('Wieder bearbeiten');
  });

  it('reloads with a German message when someone saved first (409)', async () => {
    const { fixture, element } = await open(program(5));
    const textarea = element.querySelector('textarea')!;
    textarea.value = 'Entwurf';
    textarea.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.includes('Speichern'))!.click();
    http
      .expectOne('/api/orgs/org-1/program/enrolments/enr-1/exercises/w03-themen-und-rhythmus/reflection')
      .flush({ type: STALE_VERSION_PROBLEM, title: 'Veraltet', status: 409 }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    http.expectOne('/api/orgs/org-1/program').flush(program(5));
    await fixture.whenStable();
    expect(document.body.textContent).toContain('Der aktuelle Stand ist neu geladen');
  });

  it('explains the program to someone without an enrolment', async () => {
    const { element } = await open({ enrolments: [] });
    expect(element.textContent).toContain('Sie nehmen zurzeit nicht am Lernprogramm teil');
    expect(element.textContent).toContain('Programmleitung');
    expect(element.querySelector('a[href="/o/org-1/lernprogramm/manifest"]')?.textContent).toContain('Kick-off-Manifest');
  });

  it('offers sharing a saved reflection, and once shared names it as shared with a way back', async () => {
    const { element } = await open(program(5));
    const card = () => element.querySelector('#exercise-w03-themen-und-rhythmus')!.closest('article')!;
    const share = Array.from(card().querySelectorAll('button')).find((b) => b.textContent?.includes('In die Peer-Gruppe teilen'));
    expect(share).toBeDefined();

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations()] });
    http = TestBed.inject(HttpTestingController);
    const own: ShareView = {
      id: 's-1',
      kind: 'reflection',
      exerciseId: 'w03-themen-und-rhythmus',
      title: 'Woche 3: Themen und Rhythmus',
      body: 'Drei Themen.',
      createdAt: '2026-12-07T10:00:00Z',
      author: { displayName: 'Rita Redaktion', organizationName: 'Stadt Musterstadt' },
      own: true,
      reactions: { like: 0, helpful: 0, idea: 0 },
      myReaction: null,
      comments: [],
    };
    const again = await open(program(5), [own]);
    const shared = again.element.querySelector('#exercise-w03-themen-und-rhythmus')!.closest('article')!;
    expect(shared.textContent).toContain('In der Peer-Gruppe geteilt');
    expect(shared.textContent).toContain('Zurückziehen');
    expect(shared.textContent).not.toContain('In die Peer-Gruppe teilen');
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CurriculumView, MyProgramView } from '@amtsplan/contracts';
import { STALE_VERSION_PROBLEM } from '../shared/http/api-contract';
import { MyProgramPage } from './my-program-page';

const curriculum = {
  version: '2027.1',
  weeks: [
    {
      week: 3,
      title: 'Redaktionsplan und Themen',
      topics: ['redaktionsplan-themen'],
      goals: ['Vier Wochen im Voraus planen'],
      impulse: 'Ein Plan nimmt Druck heraus.',
      resources: [],
      agenda: [{ minutes: 90, title: 'Austausch' }],
      exercises: [
        { id: 'w03-themen-anlegen', kind: 'action', title: 'Themen anlegen', minutes: 20, area: 'einstellungen', instructions: 'Themen.', rule: 'topics-defined', params: { count: 3 } },
        { id: 'w03-vier-wochen-planen', kind: 'action', title: 'Die nächsten vier Wochen planen', minutes: 90, area: 'redaktionsplan', instructions: 'Planen.', rule: 'posts-planned-ahead', params: { posts: 8, days: 28, topics: 2 } },
        { id: 'w03-themen-und-rhythmus', kind: 'reflection', title: 'Themen und Rhythmus', minutes: 45, area: 'programm', instructions: 'Schreiben.', posterSection: 'themen', prompt: 'Welche Themen?' },
      ],
    },
  ],
} as unknown as CurriculumView;

function program(planned: number): MyProgramView {
  const holds = planned >= 8;
  return {
    enrolments: [
      {
        enrolmentId: 'enr-1',
        run: { id: 'run-1', name: 'Lernprogramm 2026', startsOn: '2026-11-23', curriculumVersion: '2027.1' },
        cohort: { id: 'c-1', name: 'Peer-Gruppe Nord', meeting: { weekday: 4, time: '10:00', minutes: 90 }, nextMeetingAt: '2026-12-10T09:00:00Z' },
        openWeeks: 3,
        weeks: [
          {
            week: 3,
            title: 'Redaktionsplan und Themen',
            opensOn: '2026-12-07',
            open: true,
            exercises: [
              { exerciseId: 'w03-themen-anlegen', kind: 'action', title: 'Themen anlegen', minutes: 20, status: 'done', missing: [], doneAt: null, version: 1, check: { holds: true, done: 6, target: 3, summary: '6 Themen angelegt', missing: [] } },
              {
                exerciseId: 'w03-vier-wochen-planen',
                kind: 'action',
                title: 'Die nächsten vier Wochen planen',
                minutes: 90,
                status: holds ? 'done' : 'open',
                missing: [],
                doneAt: null,
                version: 0,
                check: { holds, done: planned, target: 8, summary: `${planned} von 8 Beiträgen geplant, 1 Thema`, missing: holds ? [] : [`noch ${8 - planned} Beiträge`] },
              },
              { exerciseId: 'w03-themen-und-rhythmus', kind: 'reflection', title: 'Themen und Rhythmus', minutes: 45, status: 'open', missing: [], doneAt: null, version: 0 },
            ],
          },
          { week: 4, title: 'Serien und Formate', opensOn: '2026-12-14', open: false, exercises: [] },
        ],
      },
    ],
  };
}

describe('MyProgramPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(view: MyProgramView) {
    const fixture = TestBed.createComponent(MyProgramPage);
    fixture.componentRef.setInput('orgId', 'org-1');
    await fixture.whenStable();
    http.expectOne('/api/orgs/org-1/program').flush(view);
    http.expectOne('/api/program/curriculum').flush(curriculum);
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
    const finish = [...element.querySelectorAll('button')].find((b) => b.textContent?.includes('Als fertig markieren'))!;
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
    [...element.querySelectorAll('button')].find((b) => b.textContent?.includes('Speichern'))!.click();
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
  });
});

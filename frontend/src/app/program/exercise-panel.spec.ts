import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CurriculumView, MyProgramView } from '@amtsplan/contracts';
import { ExercisePanel } from './exercise-panel';

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

@Component({
  imports: [ExercisePanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<amt-exercise-panel orgId="org-1" [refreshOn]="plan()" />`,
})
class Host {
  readonly plan = signal(1);
}

describe('ExercisePanel', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function answer(fixture: { whenStable(): Promise<unknown> }, view: MyProgramView, withCurriculum = true): Promise<void> {
    await fixture.whenStable();
    http.expectOne('/api/orgs/org-1/program').flush(view);
    if (withCurriculum) http.expectOne('/api/program/curriculum').flush(curriculum);
    await fixture.whenStable();
  }

  it('shows this week\'s plan and settings exercises with their live check, and asks again when the plan was read again', async () => {
    const fixture = TestBed.createComponent(Host);
    await answer(fixture, program(5));
    const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text()).toContain('Lernprogramm: Woche 3');
    expect(text()).toContain('Die nächsten vier Wochen planen');
    expect(text()).toContain('5 von 8 Beiträgen geplant, 1 Thema');
    expect(text()).toContain('noch 3 Beiträge');
    expect(text()).toContain('Zu den Einstellungen');
    // Done on "Mein Programm", not here.
    expect(text()).not.toContain('Themen und Rhythmus');
    expect(text()).toContain('1 von 2 Aufgaben hier erledigt');

    fixture.componentInstance.plan.set(2);
    await answer(fixture, program(8), false);
    expect(text()).toContain('8 von 8 Beiträgen geplant');
    expect(text()).toContain('2 von 2 Aufgaben hier erledigt');
  });

  it('renders nothing for someone without an enrolment', async () => {
    const fixture = TestBed.createComponent(Host);
    await answer(fixture, { enrolments: [] });
    expect((fixture.nativeElement as HTMLElement).querySelector('section')).toBeNull();
  });

  it('can be folded away, and stays folded', async () => {
    const fixture = TestBed.createComponent(Host);
    await answer(fixture, program(5));
    const element = fixture.nativeElement as HTMLElement;
    const toggle = element.querySelector<HTMLButtonElement>('button[aria-controls="exercise-panel-body"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(element.querySelector<HTMLElement>('#exercise-panel-body')!.hidden).toBe(true);
    expect(localStorage.getItem('amtsplan.exercisePanel.collapsed')).toBe('1');
  });
});

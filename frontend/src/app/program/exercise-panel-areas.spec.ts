import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CurriculumView, ExerciseProgressView, MyProgramView } from '@amtsplan/contracts';
import type { ProgramArea } from '@amtsplan/domain';
import { ExercisePanel } from './exercise-panel';

/** Weeks 7 and 10 as the curriculum has them: exercises of Textbausteine, Community, Krisen-Playbooks and "Mein Programm". */
const base = { minutes: 45, instructions: 'Tun.' };
const curriculum = {
  version: '2027.1',
  weeks: [
    {
      week: 7,
      title: 'Community-Management und Textbausteine',
      topics: [],
      goals: [],
      impulse: '',
      resources: [],
      agenda: [],
      exercises: [
        { ...base, id: 'w07-fragen-sammeln', kind: 'action', title: 'Fünf Textbausteine in drei Kategorien freigeben lassen', area: 'textbausteine', rule: 'text-blocks-approved', params: { blocks: 5, categories: 3 } },
        { ...base, id: 'w07-antworten-ueben', kind: 'action', title: 'Drei Antworten mit Textbausteinen geben', area: 'community', rule: 'inbox-replies-from-text-blocks', params: { replies: 3 } },
        { ...base, id: 'w07-netiquette', kind: 'checklist', title: 'Netiquette veröffentlichen', area: 'programm', items: ['Eins', 'Zwei'] },
      ],
    },
    {
      week: 10,
      title: 'Auf den Shitstorm vorbereitet',
      topics: [],
      goals: [],
      impulse: '',
      resources: [],
      agenda: [],
      exercises: [
        { ...base, id: 'w10-playbook', kind: 'action', title: 'Ein Playbook freigeben lassen', area: 'krisen-playbooks', rule: 'playbook-approved', params: { contacts: 3 } },
        { ...base, id: 'w10-uebung', kind: 'action', title: 'Den Ernstfall üben und nachbesprechen', area: 'krisen-playbooks', rule: 'drills-reviewed', params: { drills: 1 } },
        { ...base, id: 'w10-krisenvorsorge', kind: 'reflection', title: 'Krisenvorsorge', area: 'programm', posterSection: 'krisenvorsorge', prompt: 'Wie?' },
      ],
    },
  ],
} as unknown as CurriculumView;

function progress(exerciseId: string, title: string, check?: { done: number; target: number; summary: string }): ExerciseProgressView {
  const holds = check ? check.done >= check.target : false;
  return {
    exerciseId,
    kind: check ? 'action' : 'checklist',
    title,
    minutes: 45,
    status: holds ? 'done' : check && check.done > 0 ? 'in_progress' : 'open',
    missing: [],
    doneAt: null,
    version: 0,
    ...(check ? { check: { holds, ...check, missing: holds ? [] : [`noch ${check.target - check.done}`] } } : {}),
  };
}

/** An enrolment whose current week is 7 or 10. */
function program(current: 7 | 10): MyProgramView {
  return {
    enrolments: [
      {
        enrolmentId: 'enr-1',
        run: { id: 'run-1', name: 'Lernprogramm 2026', startsOn: '2026-09-28', curriculumVersion: '2027.1' },
        cohort: { id: 'c-1', name: 'Peer-Gruppe Nord', meeting: { weekday: 4, time: '10:00', minutes: 90 }, nextMeetingAt: null },
        openWeeks: current,
        weeks: [
          {
            week: 7,
            title: 'Community-Management und Textbausteine',
            opensOn: '2026-11-09',
            open: true,
            exercises: [
              progress('w07-fragen-sammeln', 'Fünf Textbausteine in drei Kategorien freigeben lassen', { done: 2, target: 5, summary: '2 von 5 Textbausteinen freigegeben' }),
              progress('w07-antworten-ueben', 'Drei Antworten mit Textbausteinen geben', { done: 3, target: 3, summary: '3 von 3 Antworten mit Textbaustein' }),
              progress('w07-netiquette', 'Netiquette veröffentlichen'),
            ],
          },
          {
            week: 10,
            title: 'Auf den Shitstorm vorbereitet',
            opensOn: '2026-11-30',
            open: current === 10,
            exercises:
              current === 10
                ? [
                    progress('w10-playbook', 'Ein Playbook freigeben lassen', { done: 0, target: 1, summary: 'Noch kein Playbook freigegeben' }),
                    progress('w10-uebung', 'Den Ernstfall üben und nachbesprechen', { done: 1, target: 1, summary: '1 Übung nachbesprochen' }),
                    progress('w10-krisenvorsorge', 'Krisenvorsorge'),
                  ]
                : [],
          },
        ],
      },
    ],
  };
}

@Component({
  imports: [ExercisePanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<amt-exercise-panel orgId="org-1" [area]="area()" />`,
})
class Host {
  readonly area = input.required<ProgramArea>();
}

describe('ExercisePanel in the areas Textbausteine, Community and Krisen-Playbooks', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function panel(area: ProgramArea, week: 7 | 10): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Host);
    fixture.componentRef.setInput('area', area);
    await fixture.whenStable();
    http.expectOne('/api/orgs/org-1/program').flush(program(week));
    http.expectOne('/api/program/curriculum').flush(curriculum);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const titles = (element: HTMLElement) => [...element.querySelectorAll('.panel__title')].map((h) => h.textContent?.trim());
  const links = (element: HTMLElement) => [...element.querySelectorAll<HTMLAnchorElement>('a.panel__link')].map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute('href') }));

  it('shows the Textbausteine exercise with its live check and a link straight into the new text block form', async () => {
    const element = await panel('textbausteine', 7);
    expect(titles(element)).toEqual(['Fünf Textbausteine in drei Kategorien freigeben lassen']);
    expect(element.textContent).toContain('2 von 5 Textbausteinen freigegeben');
    expect(element.textContent).toContain('0 von 1 Aufgaben hier erledigt');
    expect(links(element)).toEqual([{ text: 'Neuen Textbaustein anlegen', href: '/o/org-1/textbausteine/neu' }]);
  });

  it('shows the Community exercise in the Posteingang, done there (no link away)', async () => {
    const element = await panel('community', 7);
    expect(titles(element)).toEqual(['Drei Antworten mit Textbausteinen geben']);
    expect(element.textContent).toContain('3 von 3 Antworten mit Textbaustein');
    expect(element.textContent).toContain('1 von 1 Aufgaben hier erledigt');
    expect(links(element)).toEqual([]);
  });

  it('shows both Krisen-Playbooks exercises of week 10, and nothing of "Mein Programm"', async () => {
    const element = await panel('krisen-playbooks', 10);
    expect(titles(element)).toEqual(['Ein Playbook freigeben lassen', 'Den Ernstfall üben und nachbesprechen']);
    expect(element.textContent).toContain('Lernprogramm: Woche 10');
    expect(element.textContent).toContain('1 von 2 Aufgaben hier erledigt');
    expect(element.textContent).not.toContain('Krisenvorsorge');
  });

  it('renders nothing in an area without an exercise in the current week', async () => {
    const element = await panel('krisen-playbooks', 7);
    expect(element.querySelector('section')).toBeNull();
  });
});

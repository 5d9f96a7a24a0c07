import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyProgramView } from '@amtsplan/contracts';
import { ExercisePanel } from './exercise-panel';
import { curriculum, program } from './program-test-data';

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

import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { ProgramArea } from '@amtsplan/domain';
import { forkJoin } from 'rxjs';
import { loadOnRequest } from '../shared/http/load-on-request';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { ActionProgress } from './action-progress';
import { exerciseLinkLabel, panelLink, programLink } from './exercise-links';
import { ProgramApi } from './program-api';
import { currentWeek, exerciseStatusKey, weekItems } from './program-weeks';

const COLLAPSED_KEY = 'amtsplan.exercisePanel.collapsed';

/**
 * This week's exercises that are done in one area of the tool, with the live check, so the
 * participant sees the rule tick while working. An area drops it in with one line:
 * `<amt-exercise-panel [orgId]="orgId()" area="freigaben" />` (the Redaktionsplan also shows the
 * settings exercises its planning builds on).
 * It renders nothing for people without an enrolment, and nothing while loading or after a
 * failure: the plan is the page's work, the panel only accompanies it.
 */
@Component({
  selector: 'amt-exercise-panel',
  imports: [ActionProgress, MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exercise-panel.html',
  styleUrl: './exercise-panel.scss',
})
export class ExercisePanel {
  private readonly api = inject(ProgramApi);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;

  readonly orgId = input.required<string>();
  /** The area the panel stands in (libs/domain PROGRAM_AREAS). */
  readonly area = input<ProgramArea>('redaktionsplan');
  /** Any value that changes when the area's data was read again: the panel asks again too. */
  readonly refreshOn = input<unknown>(null);

  protected readonly collapsed = signal(this.storage?.getItem(COLLAPSED_KEY) === '1');

  private readonly program = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), refresh: this.refreshOn() }),
    load: ({ organizationId }) => forkJoin({ mine: this.api.myProgram(organizationId), curriculum: this.api.curriculum() }),
  });

  /** The first enrolment with an open week; an authority takes part in one run at a time. */
  protected readonly panel = computed(() => {
    const state = this.program.current();
    if (state.state !== 'loaded') return null;
    const organizationId = this.orgId();
    const area = this.area();
    const belongs = (exerciseArea: ProgramArea) => exerciseArea === area || (area === 'redaktionsplan' && exerciseArea === 'einstellungen');
    for (const enrolment of state.value.mine.enrolments) {
      const week = currentWeek(weekItems(enrolment, state.value.curriculum));
      if (!week) continue;
      const exercises = week.exercises
        .filter(({ exercise }) => belongs(exercise.area))
        .map(({ exercise, progress }) => ({
          id: exercise.id,
          title: exercise.title,
          // A checklist's missing lines are its unticked items: ticked on "Mein Programm", too long for here.
          kind: exercise.kind,
          progress,
          statusKey: exerciseStatusKey(progress.status),
          // The exact place to act: a form of this area (a new text block), or another area (settings).
          link: panelLink(organizationId, area, { area: exercise.area, rule: exercise.kind === 'action' ? exercise.rule : undefined }),
          linkLabel: exerciseLinkLabel(exercise.area, exercise.kind === 'action' ? exercise.rule : undefined),
        }));
      if (exercises.length === 0) continue;
      return {
        week: week.week.week,
        exercises,
        done: exercises.filter((e) => e.progress.status === 'done').length,
        programLink: programLink(organizationId),
      };
    }
    return null;
  });

  protected toggle(): void {
    const collapsed = !this.collapsed();
    this.collapsed.set(collapsed);
    this.storage?.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
  }
}

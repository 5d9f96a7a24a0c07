import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EnrolmentProgramView, ExerciseProgressView } from '@amtsplan/contracts';
import { forkJoin, map } from 'rxjs';
import { loadOnRequest } from '../shared/http/load-on-request';
import { ProblemNotice } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { LoadStatus } from '../shared/ui/load-status';
import { EnrolmentSection } from './enrolment-section';
import { ProgramApi } from './program-api';
import { PROGRAM_PATH } from './program-paths';
import { withProgress } from './program-weeks';

/**
 * "Mein Programm": the signed-in participant's enrolment(s) for this authority, week by week.
 * Everyone else gets a short explanation instead of an empty page, because the navigation shows
 * "Lernprogramm" to all members.
 */
@Component({
  selector: 'amt-my-program-page',
  imports: [EnrolmentSection, LoadStatus, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'program.heading' | t }}</h1>
    @let state = program.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="program.reload()" />
    } @else if (state.value.enrolments.length === 0) {
      <section class="intro" aria-labelledby="program-intro">
        <h2 id="program-intro">{{ 'program.none.heading' | t }}</h2>
        <p>{{ 'program.none.what' | t }}</p>
        <p>{{ 'program.none.who' | t }}</p>
        <p>{{ 'program.none.manifest' | t }} <a [routerLink]="manifestLink()">{{ 'program.links.manifest' | t }}</a></p>
      </section>
    } @else {
      @for (enrolment of state.value.enrolments; track enrolment.enrolmentId) {
        <amt-enrolment-section
          [organizationId]="orgId()"
          [enrolment]="enrolment"
          [curriculum]="state.value.curriculum"
          (saved)="keep(enrolment, $event)"
          (stale)="reloadAfterConflict()"
        />
      }
    }
  `,
  styles: `
    .intro {
      max-width: 45rem;
    }
    .intro h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
  `,
})
export class MyProgramPage {
  private readonly api = inject(ProgramApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();
  protected readonly manifestLink = computed(() => ['/o', this.orgId(), PROGRAM_PATH, 'manifest']);

  protected readonly program = loadOnRequest({
    params: () => this.orgId(),
    load: (organizationId) =>
      forkJoin([this.api.myProgram(organizationId), this.api.curriculum()]).pipe(map(([mine, curriculum]) => ({ enrolments: mine.enrolments, curriculum }))),
  });

  protected keep(enrolment: EnrolmentProgramView, saved: ExerciseProgressView): void {
    this.program.update((value) => ({
      ...value,
      enrolments: value.enrolments.map((e) => (e.enrolmentId === enrolment.enrolmentId ? withProgress(e, saved) : e)),
    }));
  }

  protected reloadAfterConflict(): void {
    this.notice.showErrorText(this.i18n.t('program.staleReloaded'));
    this.program.reload();
  }
}

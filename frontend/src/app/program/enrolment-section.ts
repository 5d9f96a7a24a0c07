import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { MatExpansionModule } from '@angular/material/expansion';
import { type CurriculumView, type EnrolmentProgramView, type ExerciseProgressView, MIDPOINT_REVIEW_WEEK } from '@amtsplan/contracts';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { dayText, meetingText, weekdayText } from './program-dates';
import { OwnShares } from './cohort/own-shares';
import { ProgramWeek } from './program-week';
import { PROGRAM_PATH } from './program-paths';
import { cohortCalendarUrl } from './program-api';
import { currentWeek, weekItems } from './program-weeks';

/** One enrolment: run, cohort and its meeting, then the twelve weeks (the current one open). */
@Component({
  selector: 'amt-enrolment-section',
  imports: [MatButtonModule, MatExpansionModule, ProgramWeek, RouterLink, TranslatePipe],
  providers: [OwnShares],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './enrolment-section.html',
  styleUrl: './enrolment-section.scss',
})
export class EnrolmentSection {
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly enrolment = input.required<EnrolmentProgramView>();
  readonly curriculum = input.required<CurriculumView>();
  readonly saved = output<ExerciseProgressView>();
  readonly stale = output<void>();

  protected readonly weeks = computed(() => weekItems(this.enrolment(), this.curriculum()));
  protected readonly currentWeekNumber = computed(() => currentWeek(this.weeks())?.week.week ?? null);
  protected readonly meeting = computed(() => {
    const { meeting, nextMeetingAt } = this.enrolment().cohort;
    const language = this.i18n.language();
    return {
      rhythm: this.i18n.t('program.meeting.rhythm', { weekday: weekdayText(meeting.weekday, language), time: meeting.time, minutes: meeting.minutes }),
      next: nextMeetingAt ? meetingText(nextMeetingAt, language) : null,
    };
  });

  protected readonly links = computed(() => {
    const base = ['/o', this.organizationId(), PROGRAM_PATH];
    const e = this.enrolment();
    return {
      cohort: [...base, 'gruppe', e.cohort.id],
      calendar: cohortCalendarUrl(e.cohort.id),
      poster: [...base, 'plakat', e.enrolmentId],
      manifest: [...base, 'manifest'],
      midpoint: e.openWeeks >= MIDPOINT_REVIEW_WEEK ? [...base, 'zwischenfazit', e.enrolmentId] : null,
    };
  });

  constructor() {
    const shares = inject(OwnShares);
    effect(() => shares.watch(this.enrolment().cohort.id));
  }

  protected opensOn(day: string): string {
    return dayText(day, this.i18n.language());
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { AuthorityOption, CohortSummaryView, RunView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { dayText, meetingText, weekdayText } from '../program-dates';
import { FacilitationApi } from './facilitation-api';
import { FACILITATION_PATH } from './facilitation-paths';

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** One run: open weeks and early unlock, its cohorts with enrolment, a new cohort. */
@Component({
  selector: 'amt-run-card',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = run();
    <section class="run" [attr.aria-labelledby]="'run-' + r.id">
      <h2 [id]="'run-' + r.id">{{ r.name }}</h2>
      <p>{{ 'facilitation.run.facts' | t: { start: day(r.startsOn), open: r.openWeeks } }}</p>
      @if (r.openWeeks < 12) {
        <form class="row" (submit)="$event.preventDefault(); unlock()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'facilitation.run.unlockThrough' | t }}</mat-label>
            <mat-select [value]="unlockWeek()" (valueChange)="unlockWeek.set($event)">
              @for (week of laterWeeks(); track week) {
                <mat-option [value]="week">{{ 'program.week.number' | t: { week: week } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button mat-stroked-button type="submit" [disabled]="busy() || !unlockWeek()">{{ 'facilitation.run.unlock' | t }}</button>
        </form>
      }

      <h3>{{ 'facilitation.cohorts' | t }}</h3>
      <ul class="cohorts">
        @for (cohort of r.cohorts; track cohort.id) {
          <li class="cohort">
            <div class="cohort__head">
              <a [routerLink]="cohortLink(cohort)">{{ cohort.name }}</a>
              <span>{{ 'facilitation.cohort.facts' | t: { meeting: meeting(cohort), authorities: cohort.authorities } }}</span>
            </div>
            @if (cohort.authorities < 5) {
              <form class="row" (submit)="$event.preventDefault(); enrol(cohort)" [attr.aria-label]="'facilitation.enrol.label' | t: { cohort: cohort.name }">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'facilitation.enrol.authority' | t }}</mat-label>
                  <mat-select [value]="enrolAuthority()[cohort.id] ?? null" (valueChange)="setAuthority(cohort.id, $event)">
                    @for (authority of authorities(); track authority.id) {
                      <mat-option [value]="authority.id">{{ authority.name }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'facilitation.enrol.email' | t }}</mat-label>
                  <input matInput type="email" [value]="enrolEmail()[cohort.id] ?? ''" (input)="setEmail(cohort.id, $any($event.target).value)" />
                </mat-form-field>
                <button mat-stroked-button type="submit" [disabled]="busy() || !enrolAuthority()[cohort.id] || !enrolEmail()[cohort.id]">{{ 'facilitation.enrol.submit' | t }}</button>
              </form>
            }
          </li>
        } @empty {
          <li>{{ 'facilitation.cohorts.none' | t }}</li>
        }
      </ul>

      <form class="row" (submit)="$event.preventDefault(); createCohort()" [attr.aria-label]="'facilitation.cohort.new' | t">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'facilitation.cohort.name' | t }}</mat-label>
          <input matInput [value]="cohortName()" (input)="cohortName.set($any($event.target).value)" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'facilitation.cohort.weekday' | t }}</mat-label>
          <mat-select [value]="cohortWeekday()" (valueChange)="cohortWeekday.set($event)">
            @for (weekday of weekdays; track weekday) {
              <mat-option [value]="weekday">{{ weekdayName(weekday) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'facilitation.cohort.time' | t }}</mat-label>
          <input matInput type="time" [value]="cohortTime()" (input)="cohortTime.set($any($event.target).value)" />
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="busy() || !cohortName().trim()">{{ 'facilitation.cohort.create' | t }}</button>
      </form>
    </section>
  `,
  styles: `
    .run {
      padding: 16px;
      margin-bottom: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 4px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 8px 0;
    }
    .cohorts {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .cohort {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .cohort__head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
  `,
})
export class RunCard {
  private readonly api = inject(FacilitationApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly run = input.required<RunView>();
  readonly authorities = input.required<readonly AuthorityOption[]>();
  /** Something changed on the server: the page reads the runs again. */
  readonly changed = output<void>();

  protected readonly weekdays = WEEKDAYS;
  protected readonly busy = signal(false);
  protected readonly unlockWeek = signal<number | null>(null);
  protected readonly laterWeeks = computed(() => Array.from({ length: 12 - this.run().openWeeks }, (_, i) => this.run().openWeeks + 1 + i));
  protected readonly cohortName = signal('');
  protected readonly cohortWeekday = signal(4);
  protected readonly cohortTime = signal('10:00');
  protected readonly enrolAuthority = signal<Partial<Record<string, string>>>({});
  protected readonly enrolEmail = signal<Partial<Record<string, string>>>({});

  protected day(value: string): string {
    return dayText(value, this.i18n.language());
  }

  protected weekdayName(weekday: number): string {
    return weekdayText(weekday, this.i18n.language());
  }

  protected meeting(cohort: CohortSummaryView): string {
    const rhythm = this.i18n.t('program.meeting.rhythm', { weekday: weekdayText(cohort.meeting.weekday, this.i18n.language()), time: cohort.meeting.time, minutes: cohort.meeting.minutes });
    return cohort.nextMeetingAt ? `${rhythm}; ${this.i18n.t('program.meeting.next')}: ${meetingText(cohort.nextMeetingAt, this.i18n.language())}` : rhythm;
  }

  protected cohortLink(cohort: CohortSummaryView): string[] {
    return ['/', FACILITATION_PATH, 'gruppe', cohort.id];
  }

  protected setAuthority(cohortId: string, id: string): void {
    this.enrolAuthority.update((all) => ({ ...all, [cohortId]: id }));
  }

  protected setEmail(cohortId: string, email: string): void {
    this.enrolEmail.update((all) => ({ ...all, [cohortId]: email }));
  }

  protected unlock(): void {
    const week = this.unlockWeek();
    if (week) this.send(this.api.unlock(this.run().id, { throughWeek: week, version: this.run().version }), 'facilitation.run.unlocked');
  }

  protected createCohort(): void {
    this.send(this.api.createCohort(this.run().id, { name: this.cohortName().trim(), meeting: { weekday: this.cohortWeekday(), time: this.cohortTime() } }), 'facilitation.cohort.created', () =>
      this.cohortName.set(''),
    );
  }

  protected enrol(cohort: CohortSummaryView): void {
    const organizationId = this.enrolAuthority()[cohort.id];
    const email = this.enrolEmail()[cohort.id]?.trim();
    if (!organizationId || !email) return;
    this.send(this.api.enrol(cohort.id, { organizationId, email }), 'facilitation.enrol.done', () => this.setEmail(cohort.id, ''));
  }

  private send(request: Observable<unknown>, confirmation: 'facilitation.run.unlocked' | 'facilitation.cohort.created' | 'facilitation.enrol.done', after?: () => void): void {
    this.busy.set(true);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        after?.();
        this.notice.confirm(this.i18n.t(confirmation));
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notice.showError(error);
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { CohortView, ShareView } from '@amtsplan/contracts';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { meetingText, weekdayText } from '../program-dates';
import { PROGRAM_PATH } from '../program-paths';
import { FACILITATION_PATH } from '../facilitation/facilitation-paths';
import { ProgramApi } from '../program-api';
import { CohortMembers } from './cohort-members';
import { CohortReviews } from './cohort-reviews';
import { SharedItem } from './shared-item';

/**
 * The Peer-Gruppe: the one place where authorities see each other. Members' names, authorities and
 * progress, and what was shared, with comments and reactions. The author can withdraw a share
 * here, and it disappears at once.
 */
@Component({
  selector: 'amt-cohort-page',
  imports: [CohortMembers, CohortReviews, LoadStatus, MatButtonModule, RouterLink, SharedItem, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    @let state = cohort.current();
    @if (state.state !== 'loaded') {
      <h1>{{ 'program.cohortPage.heading' | t }}</h1>
      <amt-load-status [state]="state" (retry)="cohort.reload()" />
    } @else {
      @let c = state.value;
      <h1>{{ c.name }}</h1>
      <p class="lead">{{ 'program.cohortPage.lead' | t: { run: c.run.name, meeting: meeting() } }}</p>
      <a mat-button class="back" [routerLink]="backLink()">{{ (orgId() ? 'program.links.back' : 'facilitation.back') | t }}</a>

      <section aria-labelledby="cohort-members">
        <h2 id="cohort-members">{{ 'program.cohortPage.members' | t }}</h2>
        <amt-cohort-members [members]="c.members" [openWeeks]="c.run.openWeeks" />
      </section>

      <section aria-labelledby="cohort-reviews">
        <h2 id="cohort-reviews">{{ 'program.midpoint.cohortHeading' | t }}</h2>
        <amt-cohort-reviews [reviews]="c.midpointReviews" />
      </section>

      <section aria-labelledby="cohort-shares">
        <h2 id="cohort-shares">{{ 'program.cohortPage.shares' | t }}</h2>
        @for (share of c.shares; track share.id) {
          <amt-shared-item [cohortId]="c.id" [share]="share" (changed)="replace($event)" (withdrawn)="remove($event)" />
        } @empty {
          <p class="empty">{{ 'program.cohortPage.noShares' | t }}</p>
        }
      </section>
    }
  `,
  styles: `
    .lead {
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
    }
    .back {
      margin: 0 0 16px -12px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 12px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CohortPage {
  private readonly api = inject(ProgramApi);
  private readonly i18n = inject(I18n);

  /** Absent on the Programmleitung's pages, which belong to no authority. */
  readonly orgId = input<string>();
  readonly cohortId = input.required<string>();

  protected readonly cohort = loadOnRequest({ params: () => this.cohortId(), load: (id) => this.api.cohort(id) });
  protected readonly backLink = computed(() => {
    const organizationId = this.orgId();
    return organizationId ? ['/o', organizationId, PROGRAM_PATH] : ['/', FACILITATION_PATH];
  });
  protected readonly meeting = computed(() => {
    const state = this.cohort.current();
    if (state.state !== 'loaded') return '';
    const { meeting, nextMeetingAt } = state.value;
    const language = this.i18n.language();
    const rhythm = this.i18n.t('program.meeting.rhythm', { weekday: weekdayText(meeting.weekday, language), time: meeting.time, minutes: meeting.minutes });
    return nextMeetingAt ? `${rhythm}; ${this.i18n.t('program.meeting.next')}: ${meetingText(nextMeetingAt, language)}` : rhythm;
  });

  protected replace(share: ShareView): void {
    this.cohort.update((c: CohortView) => ({ ...c, shares: c.shares.map((s) => (s.id === share.id ? share : s)) }));
  }

  protected remove(shareId: string): void {
    this.cohort.update((c: CohortView) => ({ ...c, shares: c.shares.filter((s) => s.id !== shareId) }));
  }
}

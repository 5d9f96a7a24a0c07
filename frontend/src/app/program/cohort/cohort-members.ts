import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CohortMemberView } from '@amtsplan/contracts';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';

/** Who is in the Peer-Gruppe: name, authority, and how many exercises each has finished. */
@Component({
  selector: 'amt-cohort-members',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="members">
      @for (member of members(); track member.enrolmentId) {
        @let done = total(member);
        <li class="member">
          <span class="member__name">{{ member.participant.displayName }}</span>
          <span class="member__org">{{ member.organization.name }}</span>
          <span class="member__progress">
            {{ 'program.cohortPage.progress' | t: { done: done, week: openWeeks(), thisWeek: thisWeek(member) } }}
          </span>
          <div class="bar" aria-hidden="true">
            @for (count of member.doneByWeek.slice(0, openWeeks()); track $index) {
              <span class="bar__week" [class.bar__week--some]="count > 0" [title]="'program.week.number' | t: { week: $index + 1 }"></span>
            }
          </div>
        </li>
      }
    </ul>
  `,
  styles: `
    .members {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 12px;
    }
    .member {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .member__name {
      font: var(--mat-sys-title-medium);
    }
    .member__org {
      color: var(--mat-sys-on-surface-variant);
    }
    .member__progress {
      font: var(--mat-sys-body-medium);
      margin-top: 4px;
    }
    .bar {
      display: flex;
      gap: 3px;
      margin-top: 6px;
    }
    .bar__week {
      flex: 1;
      height: 6px;
      border-radius: 3px;
      background: var(--mat-sys-outline-variant);
    }
    .bar__week--some {
      background: var(--mat-sys-primary);
    }
  `,
})
export class CohortMembers {
  readonly members = input.required<readonly CohortMemberView[]>();
  readonly openWeeks = input.required<number>();

  protected thisWeek(member: CohortMemberView): number {
    return member.doneByWeek[this.openWeeks() - 1] ?? 0;
  }

  protected total(member: CohortMemberView): number {
    return member.doneByWeek.reduce((sum, count) => sum + count, 0);
  }
}

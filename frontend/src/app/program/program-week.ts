import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ExerciseProgressView } from '@amtsplan/contracts';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { ExerciseCard } from './exercise-card';
import { exerciseLink } from './exercise-links';
import { MarkdownText } from './markdown-text';
import type { WeekItem } from './program-weeks';

/** The content of one open week: goals, impulse, resources, the cohort's agenda, the exercises. */
@Component({
  selector: 'amt-program-week',
  imports: [ExerciseCard, MarkdownText, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let content = item().content;
    @if (content) {
      <div class="columns">
        <section class="block">
          <h3>{{ 'program.week.goals' | t }}</h3>
          <ul>
            @for (goal of content.goals; track $index) {
              <li>{{ goal }}</li>
            }
          </ul>
        </section>
        <section class="block">
          <h3>{{ 'program.week.agenda' | t }}</h3>
          <ul class="agenda">
            @for (point of content.agenda; track $index) {
              <li>
                <span class="agenda__minutes">{{ 'program.minutes' | t: { minutes: point.minutes } }}</span>
                {{ point.title }}
              </li>
            }
          </ul>
        </section>
      </div>
      <section class="block">
        <h3>{{ 'program.week.impulse' | t }}</h3>
        <amt-markdown-text [source]="content.impulse" />
      </section>
      @if (resources().length) {
        <section class="block">
          <h3>{{ 'program.week.resources' | t }}</h3>
          <ul>
            @for (resource of resources(); track $index) {
              <li>
                @if (resource.url) {
                  <a [href]="resource.url" target="_blank" rel="noopener noreferrer">{{ resource.title }}</a>
                } @else if (resource.link) {
                  <a [routerLink]="resource.link">{{ resource.title }}</a>
                } @else {
                  {{ resource.title }}
                }
                @if (resource.note) {
                  <span class="note"> – {{ resource.note }}</span>
                }
              </li>
            }
          </ul>
        </section>
      }
    }
    <section class="block">
      <h3>{{ 'program.week.exercises' | t }}</h3>
      <div class="exercises">
        @for (exercise of item().exercises; track exercise.exercise.id) {
          <amt-exercise-card
            [organizationId]="organizationId()"
            [enrolmentId]="enrolmentId()"
            [item]="exercise"
            (saved)="saved.emit($event)"
            (stale)="stale.emit()"
          />
        }
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0 24px;
    }
    .block {
      margin-bottom: 16px;
    }
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
    .agenda__minutes {
      display: inline-block;
      min-width: 4.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .exercises {
      display: grid;
      gap: 12px;
    }
  `,
})
export class ProgramWeek {
  readonly organizationId = input.required<string>();
  readonly enrolmentId = input.required<string>();
  readonly item = input.required<WeekItem>();
  readonly saved = output<ExerciseProgressView>();
  readonly stale = output<void>();

  /** Places inside Amtsplan become router links into this authority. */
  protected readonly resources = computed(() =>
    (this.item().content?.resources ?? []).map((resource) => ({
      ...resource,
      link: resource.area ? exerciseLink(this.organizationId(), { area: resource.area }) : null,
    })),
  );
}

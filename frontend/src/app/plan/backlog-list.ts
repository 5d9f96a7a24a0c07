import { ChangeDetectionStrategy, Component, type ElementRef, type OnDestroy, afterNextRender, inject, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Draggable } from '@fullcalendar/angular/interaction';
import type { PlanEntryView } from '@amtsplan/contracts';
import { postStatusLabelKey } from '../shared/i18n/post-status-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { I18n } from '../shared/i18n/i18n';

/**
 * The Themenspeicher: ideas and drafts without a day. Each entry can be dragged onto a day
 * of the calendar, or planned with "Einplanen" from the keyboard.
 */
@Component({
  selector: 'amt-backlog-list',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="backlog" aria-labelledby="backlog-heading">
      <h2 id="backlog-heading" class="backlog__heading">{{ 'plan.backlog' | t }}</h2>
      @if (entries().length === 0) {
        <p class="amt-muted">{{ 'plan.backlogEmpty' | t }}</p>
      }
      <ul class="backlog__list" #list>
        @for (entry of entries(); track entry.id) {
          <li
            class="backlog__item"
            [class.backlog__item--draggable]="mayEdit()(entry)"
            [attr.data-post-id]="mayEdit()(entry) ? entry.id : null"
            [attr.data-title]="entry.workingTitle"
          >
            <button type="button" class="backlog__open" (click)="opened.emit(entry.id)">
              <span class="backlog__title">{{ entry.workingTitle }}</span>
              <span class="backlog__status">{{ statusLabel(entry.status) | t }}</span>
            </button>
            @if (mayEdit()(entry)) {
              <button
                mat-stroked-button
                type="button"
                class="backlog__plan"
                [attr.aria-label]="'plan.scheduleNamed' | t: { title: entry.workingTitle }"
                (click)="scheduleRequested.emit(entry)"
              >
                {{ 'plan.schedule' | t }}
              </button>
            }
          </li>
        }
      </ul>
      @if (entries().length > 0 && dragHint()) {
        <p class="amt-muted backlog__hint">{{ 'plan.backlogHint' | t }}</p>
      }
    </section>
  `,
  styles: `
    .backlog__heading {
      margin-bottom: 8px;
    }
    .backlog__list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .backlog__item {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-low);
    }
    .backlog__item--draggable {
      cursor: grab;
    }
    .backlog__open {
      flex: 1 1 auto;
      min-width: 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      border: 0;
      background: none;
      padding: 4px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface);
      text-align: start;
      cursor: pointer;
    }
    .backlog__title {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .backlog__status {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .backlog__hint {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class BacklogList implements OnDestroy {
  private readonly i18n = inject(I18n);
  private readonly list = viewChild.required<ElementRef<HTMLElement>>('list');

  readonly entries = input.required<readonly PlanEntryView[]>();
  readonly mayEdit = input.required<(entry: PlanEntryView) => boolean>();
  /** Only where a calendar is on screen to drop onto. */
  readonly dragHint = input(true);
  readonly opened = output<string>();
  readonly scheduleRequested = output<PlanEntryView>();

  private draggable: Draggable | null = null;

  protected readonly statusLabel = postStatusLabelKey;

  constructor() {
    afterNextRender(() => {
      // create: false — the calendar only reports the drop; the API decides, then the plan reloads.
      this.draggable = new Draggable(this.list().nativeElement, {
        itemSelector: '.backlog__item[data-post-id]',
        eventData: (element: HTMLElement) => ({
          title: element.dataset['title'] ?? this.i18n.t('plan.backlog'),
          create: false,
        }),
      });
    });
  }

  ngOnDestroy(): void {
    this.draggable?.destroy();
  }
}

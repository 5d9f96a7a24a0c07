import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { type CalendarOptions, type DatesSetInfo, type DropInfo, type EventClickInfo, type EventDropInfo, FullCalendarComponent, FullCalendarModule } from '@fullcalendar/angular';
import dayGridPlugin from '@fullcalendar/angular/daygrid';
import interactionPlugin from '@fullcalendar/angular/interaction';
import listPlugin from '@fullcalendar/angular/list';
import classicTheme from '@fullcalendar/angular/themes/classic';
import timeGridPlugin from '@fullcalendar/angular/timegrid';
// The Angular package's locale entry points ship without their files; the core package has them.
import deLocale from 'fullcalendar/locales/de';
import enLocale from 'fullcalendar/locales/en-gb';
import { DOCUMENT } from '@angular/common';
import type { Planning } from '@amtsplan/contracts';
import { addCalendarDays, utcToZonedLocal } from '@amtsplan/domain';
import { I18n } from '../../shared/i18n/i18n';
import type { PlanView } from '../plan-location';
import { droppedPlanning } from './dropped-planning';
import { type EventContentInfo, MONTH_GRID, eventContent } from './event-content';
import type { PlanEvent, PlanEventDetails } from './plan-events';

/** FullCalendar's view for each of our calendar views (the planning view is our own). */
const CALENDAR_VIEWS: { readonly [V in Exclude<PlanView, 'planung'>]: string } = {
  monat: MONTH_GRID,
  woche: 'timeGridWeek',
  liste: 'listMonth',
};

/** The days on screen, 'YYYY-MM-DD', `to` exclusive; `focus` is a day inside, for the URL. */
export interface ShownDays {
  readonly from: string;
  readonly to: string;
  readonly focus: string;
}

export interface PlanDrop {
  readonly postId: string;
  readonly planning: Planning;
  /** Puts the event back where it was, when the API refuses the move. */
  readonly revert: () => void;
}

export interface BacklogDrop {
  readonly postId: string;
  readonly planning: Planning;
}

@Component({
  selector: 'amt-plan-calendar',
  imports: [FullCalendarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-calendar.html',
  styleUrl: './plan-calendar.scss',
})
export class PlanCalendar {
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly calendar = viewChild(FullCalendarComponent);

  readonly view = input.required<Exclude<PlanView, 'planung'>>();
  /** A day to show, or null for today. */
  readonly date = input.required<string | null>();
  readonly events = input.required<readonly PlanEvent[]>();
  readonly timeZone = input.required<string>();
  readonly canCreate = input.required<boolean>();

  readonly shownDaysChange = output<ShownDays>();
  readonly postActivated = output<string>();
  readonly slotActivated = output<Extract<PlanEventDetails, { kind: 'slot' }>>();
  readonly dayActivated = output<string>();
  readonly postDropped = output<PlanDrop>();
  readonly backlogDropped = output<BacklogDrop>();
  /** True while a post is being dragged in the calendar; the plan page holds live refreshes meanwhile. */
  readonly draggingChange = output<boolean>();

  private shown: ShownDays | null = null;

  /**
   * FullCalendar is drawn in a task of its own, after the page around it has been rendered. On the
   * first page the app shell's side navigation opens in the same change detection and reads its
   * width twice (MatDrawerContainer.updateContentMargins: once when it starts, once a task later),
   * each a synchronous layout of the whole page: with a month of posts already in it, those layouts
   * took 170 and 40 ms in the profile of bench:month-view, and the grid was laid out again after.
   */
  protected readonly drawn = signal(false);

  protected readonly options = computed<CalendarOptions>(() => {
    const english = this.i18n.language() === 'en';
    const markerLabels = {
      hard: this.i18n.t('plan.markerHard'),
      warning: this.i18n.t('plan.markerWarning'),
      publishedLink: (title: string) => this.i18n.t('publishing.calendar.link', { title }),
    };
    return {
      plugins: [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      initialView: CALENDAR_VIEWS[untracked(this.view)],
      initialDate: untracked(this.date) ?? undefined,
      locale: english ? enLocale : deLocale,
      firstDay: 1,
      // Every start the calendar gets is already the authority's wall-clock time (plan-events), so
      // the calendar itself counts in UTC and never converts between zones (which would cost a
      // zone lookup per event); "now" and "today" are the authority's wall clock as well.
      timeZone: 'UTC',
      now: () => utcToZonedLocal(new Date(), this.timeZone()),
      headerToolbar: { start: 'prev,next today', center: 'title', end: '' },
      height: 'auto',
      headingLevel: 2,
      nowIndicator: true,
      navLinks: true,
      navLinkDayClick: (date: Date) => this.activateDay(date),
      navLinkHint: (dateText: string) => this.i18n.t('plan.createOnDay', { date: dateText }),
      eventInteractive: true,
      // Plain DOM per event, not an Angular view: a month holds hundreds of them (event-content.ts).
      eventContent: (info: EventContentInfo) => eventContent(info, markerLabels, this.document),
      views: {
        // FullCalendar puts the list view's events in role="list" containers but gives an
        // interactive event role="button", which replaces its role="listitem": a list without
        // items for screen readers. Non-interactive there, each event stays a list item, and the
        // event's content puts a real button inside it.
        listMonth: { eventInteractive: false },
        // The month grid shows the time the event content takes from the event's start itself.
        [MONTH_GRID]: { backgroundEventTitleClass: 'plan-holiday__title plan-holiday__title--beside-day-number', displayEventTime: false },
      },
      // Holidays are background events, which FullCalendar labels itself (no content template).
      backgroundEventTitleClass: 'plan-holiday__title',
      editable: true,
      droppable: true,
      dayMaxEvents: 4,
      slotMinTime: '06:00:00',
      slotMaxTime: '22:00:00',
      scrollTime: '08:00:00',
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      eventClick: (info: EventClickInfo) => this.activateEvent(info),
      dateClick: (info: { dateStr: string }) => {
        if (this.canCreate()) this.dayActivated.emit(info.dateStr.slice(0, 10));
      },
      eventDragStart: () => this.draggingChange.emit(true),
      eventDragStop: () => this.draggingChange.emit(false),
      eventDrop: (info: EventDropInfo) => this.dropEvent(info),
      drop: (info: DropInfo) => this.dropFromBacklog(info),
      datesSet: (info: DatesSetInfo) => this.rememberShownDays(info),
    };
  });

  constructor() {
    afterNextRender(() => setTimeout(() => this.drawn.set(true)));
    effect(() => {
      const view = CALENDAR_VIEWS[this.view()];
      const api = this.calendar()?.getApi();
      if (api && api.view.type !== view) api.changeView(view);
    });
    effect(() => {
      const date = this.date();
      const api = this.calendar()?.getApi();
      const shown = untracked(() => this.shown);
      if (!api || !shown) return;
      const target = date ?? api.formatIso(api.getDate().valueOf(), true);
      if (date === null || target < shown.from || target >= shown.to) api.gotoDate(target);
    });
  }

  /** Keyboard users reach the day through its number link (navLinks); mouse users click the cell. */
  private activateDay(date: Date): void {
    const api = this.calendar()?.getApi();
    if (!api || !this.canCreate()) return;
    this.dayActivated.emit(api.formatIso(date.valueOf(), true).slice(0, 10));
  }

  private activateEvent(info: EventClickInfo): void {
    // The published post's link (list view) opens the platform, not the editor.
    if (info.jsEvent.target instanceof Element && info.jsEvent.target.closest('.plan-event__published-link')) return;
    info.jsEvent.preventDefault();
    const details = info.event.extendedProps as PlanEventDetails;
    if (details.kind === 'post') this.postActivated.emit(details.postId);
    else if (details.kind === 'slot') this.slotActivated.emit(details);
  }

  private dropEvent(info: EventDropInfo): void {
    const details = info.event.extendedProps as PlanEventDetails;
    if (details.kind !== 'post') {
      info.revert();
      return;
    }
    this.postDropped.emit({
      postId: details.postId,
      planning: droppedPlanning(info.event.startStr, info.event.allDay, this.timeZone()),
      revert: info.revert,
    });
  }

  private dropFromBacklog(info: DropInfo): void {
    const postId = info.draggedEl.dataset['postId'];
    if (!postId) return;
    this.backlogDropped.emit({ postId, planning: droppedPlanning(info.dateStr, info.allDay, this.timeZone()) });
  }

  private rememberShownDays(info: DatesSetInfo): void {
    const from = info.startStr.slice(0, 10);
    const to = info.endStr.slice(0, 10);
    const api = info.view.calendar;
    const current = api.formatIso(api.getDate().valueOf(), true).slice(0, 10);
    const focus = current >= from && current < to ? current : addCalendarDays(from, 7);
    this.shown = { from, to, focus };
    this.shownDaysChange.emit(this.shown);
  }
}

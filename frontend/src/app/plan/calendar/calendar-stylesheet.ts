import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import { linkCalendarStylesheet } from './calendar-stylesheet-link';

export { CALENDAR_STYLESHEET } from './calendar-stylesheet-link';

/**
 * FullCalendar's stylesheet with our theme for it (calendar-stylesheet-link.ts). Only the plan
 * needs it, so it is linked when the plan opens (on a first page already by main.ts) and stays
 * out of the styles every other page loads first.
 */
@Injectable({ providedIn: 'root' })
export class CalendarStylesheet {
  private readonly document = inject(DOCUMENT);

  /** Links the stylesheet once; resolves when it applies, or failed (an unstyled calendar still works). */
  load(): Promise<void> {
    return linkCalendarStylesheet(this.document);
  }
}

/** Holds the plan back until its calendar is styled, so it never flashes up as bare markup. */
export const calendarStylesheetLoaded: ResolveFn<true> = () => inject(CalendarStylesheet).load().then(() => true as const);

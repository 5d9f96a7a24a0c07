import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';

/**
 * FullCalendar's stylesheet with our theme for it, built as its own file ("inject": false in
 * frontend/project.json). Only the plan needs it, so it is linked when the plan opens and stays
 * out of the styles every other page loads first. The name has no hash; the server revalidates
 * such files, so an update still reaches the browser.
 */
export const CALENDAR_STYLESHEET = 'fullcalendar.css';

@Injectable({ providedIn: 'root' })
export class CalendarStylesheet {
  private readonly document = inject(DOCUMENT);
  private loading: Promise<void> | null = null;

  /** Links the stylesheet once; resolves when it applies, or failed (an unstyled calendar still works). */
  load(): Promise<void> {
    this.loading ??= new Promise<void>((resolve) => {
      const link = this.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = CALENDAR_STYLESHEET;
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener(
        'error',
        () => {
          // Tried again the next time the plan opens.
          link.remove();
          this.loading = null;
          resolve();
        },
        { once: true },
      );
      this.document.head.appendChild(link);
    });
    return this.loading;
  }
}

/** Holds the plan back until its calendar is styled, so it never flashes up as bare markup. */
export const calendarStylesheetLoaded: ResolveFn<true> = () => inject(CalendarStylesheet).load().then(() => true as const);

import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';

/**
 * The day only ("20.11.2026" in German), in Berlin time like every other timestamp in the app,
 * so something created shortly after midnight does not show the day before.
 */
@Pipe({ name: 'calendarDate', pure: false })
export class CalendarDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(isoTimestamp: string): string {
    return this.i18n.date(isoTimestamp);
  }
}

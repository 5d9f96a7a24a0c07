import { Pipe, type PipeTransform, computed, inject } from '@angular/core';
import { DISPLAY_TIME_ZONE, I18n } from '../shared/i18n/i18n';

/**
 * The day only ("20.11.2026" in German), in Berlin time like every other timestamp in the app,
 * so an authority created shortly after midnight does not show the day before.
 */
@Pipe({ name: 'calendarDate', pure: false })
export class CalendarDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  private readonly format = computed(
    () => new Intl.DateTimeFormat(this.i18n.formattingLocale(), { dateStyle: 'medium', timeZone: DISPLAY_TIME_ZONE }),
  );

  transform(isoTimestamp: string): string {
    return this.format().format(new Date(isoTimestamp));
  }
}

import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';

/**
 * Angular's DatePipe only knows fixed offsets, which are wrong for half the year in
 * Germany; Intl applies the Europe/Berlin daylight-saving rules.
 */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(isoTimestamp: string): string {
    return this.i18n.dateTime(isoTimestamp);
  }
}

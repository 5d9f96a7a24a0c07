import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import type { MessageKey } from './messages.de';
import { type Language, type MessageParams, translate } from './translate';

/** Organizations are German authorities; until they can choose a zone, times are shown in Berlin time. */
const DISPLAY_TIME_ZONE = 'Europe/Berlin';

/**
 * The one place user-facing text comes from. Reading `language()` inside a template (the `t`
 * pipe does) makes that view re-render when the language changes at runtime.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>('de');

  readonly language = this.current.asReadonly();
  private readonly formattingLocale = computed(() => (this.current() === 'de' ? 'de-DE' : 'en-GB'));
  private readonly dateTimeFormat = computed(() => this.format({ dateStyle: 'medium', timeStyle: 'short' }));
  private readonly dateFormat = computed(() => this.format({ dateStyle: 'medium' }));

  use(language: Language): void {
    this.current.set(language);
    // Screen readers pick their pronunciation from this attribute (WCAG 3.1.1).
    this.document.documentElement.lang = language;
  }

  t<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
    return translate(this.current(), key, ...params);
  }

  dateTime(isoTimestamp: string): string {
    return this.dateTimeFormat().format(new Date(isoTimestamp));
  }

  /** The day of a timestamp in Berlin time, without the time of day. */
  date(isoTimestamp: string): string {
    return this.dateFormat().format(new Date(isoTimestamp));
  }

  private format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(this.formattingLocale(), { ...options, timeZone: DISPLAY_TIME_ZONE });
  }
}

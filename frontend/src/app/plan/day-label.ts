import type { Language } from '../shared/i18n/translate';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day ('YYYY-MM-DD') in words, e.g. "Dienstag, 24. November 2026". The day has no
 * zone; it is read and written in UTC so no machine zone can shift it.
 */
export function dayLabel(date: string, language: Language, style: 'long' | 'short' = 'long'): string {
  const key = `${language}:${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: 'UTC',
      ...(style === 'long' ? { dateStyle: 'full' } : { weekday: 'short', day: 'numeric', month: 'short' }),
    });
    formats.set(key, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}

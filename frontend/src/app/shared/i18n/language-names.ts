import type { Language } from './translate';

/** Each language is named in itself, so people find their own whatever is selected now. */
export const LANGUAGE_NAMES: { readonly [L in Language]: string } = {
  de: 'Deutsch',
  en: 'English',
};

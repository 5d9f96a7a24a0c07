/** The Programmleitung's pages: installation-wide, outside any authority. */
export const FACILITATION_PATH = 'programmleitung';

import type { publishingDe } from './publishing.de';

/** English texts of the publishing area; a key German lacks or misses is a compile error. */
export const publishingEn = {
} as const satisfies { readonly [K in keyof typeof publishingDe]: string };

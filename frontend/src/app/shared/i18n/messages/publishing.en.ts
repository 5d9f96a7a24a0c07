import type { publishingDe } from './publishing.de';

/** English texts of the publishing area; a key German lacks or misses is a compile error. */
export const publishingEn = {
  'auditAction.publication.published_late': 'Missed publication published after all',
  'auditAction.publication.retried': 'Publication tried again',
  'auditAction.channel.credentials_removed': 'Channel credentials removed',
} as const satisfies { readonly [K in keyof typeof publishingDe]: string };

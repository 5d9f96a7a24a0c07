/**
 * German texts of the publishing area, spread into `messages.de.ts`. Kept apart so each area's
 * texts live in one file of their own.
 */
export const publishingDe = {
  'auditAction.publication.published_late': 'Verpasste Veröffentlichung doch veröffentlicht',
  'auditAction.publication.retried': 'Veröffentlichung erneut versucht',
  'auditAction.channel.credentials_removed': 'Zugangsdaten des Kanals entfernt',
} as const;

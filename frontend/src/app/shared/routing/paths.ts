/**
 * German URL segments in one place, so links, guards and redirects cannot drift apart.
 * The segments are part of the product: people bookmark and share them.
 */
export const LOGIN_PATH = 'anmelden';
export const INVITATION_PATH = 'einladung';
export const ORGANIZATION_PATH = 'o';
export const OPERATIONS_PATH = 'betrieb';
export const NO_ORGANIZATION_PATH = 'ohne-behoerde';
export const SETTINGS_PATH = 'einstellungen';
export const MEMBERS_PATH = 'mitglieder';
export const AUDIT_PATH = 'protokoll';
export const PLAN_PATH = 'redaktionsplan';
export const CHANNELS_PATH = 'kanaele';
export const TOPICS_PATH = 'themen';
export const SERIES_PATH = 'serien';
export const CALENDAR_FEEDS_PATH = 'kalender-abo';
/** The person's own notification settings, outside any authority (also linked from e-mails). */
export const NOTIFICATIONS_PATH = 'benachrichtigungen';

/** Query parameter carrying where to go after login. */
export const RETURN_URL_PARAM = 'weiter';

export function organizationUrl(organizationId: string, ...segments: string[]): string[] {
  return ['/', ORGANIZATION_PATH, organizationId, ...segments];
}

/**
 * Only same-origin paths are followed after login; anything else (`//evil.example`,
 * `https://…`, `/\evil`) would turn the login page into an open redirect.
 */
export function safeReturnUrl(candidate: string | null | undefined): string | null {
  if (!candidate || !candidate.startsWith('/')) return null;
  if (candidate.startsWith('//') || candidate.startsWith('/\\')) return null;
  if (candidate.startsWith(`/${LOGIN_PATH}`)) return null;
  return candidate;
}

import type { CSRF_COOKIE, CSRF_HEADER, NOTIFICATION_STREAM_EVENTS, ProblemType } from '@amtsplan/contracts';

/*
 * Any runtime import from @amtsplan/contracts loads zod and all its locales (about 440 kB
 * minified), because the library configures zod when it is imported. The browser needs only
 * these few strings, so they are written out here, each typed as the contract's own constant:
 * if the contract changes a value, this file stops compiling.
 */

export const CSRF_COOKIE_NAME: typeof CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER_NAME: typeof CSRF_HEADER = 'x-xsrf-token';

export const STALE_VERSION_PROBLEM: (typeof ProblemType)['staleVersion'] = 'urn:amtsplan:problem:stale-version';

/** The event names of GET /api/notifications/stream (server-sent events). */
export const NOTIFICATION_STREAM_EVENT_NAMES: typeof NOTIFICATION_STREAM_EVENTS = { unread: 'unread', notification: 'notification', crisis: 'crisis', plan: 'plan' };

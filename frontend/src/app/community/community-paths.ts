/** The Community area's URL segments. */
export const COMMUNITY_PATH = 'community';
export const COMMUNITY_DASHBOARD_PATH = 'kennzahlen';
export const COMMUNITY_SETTINGS_PATH = 'einstellungen';

/** The settings tab's URL segment, next to the page it names so the tab can be merged without touching shared paths. */
export const APPROVAL_ROUTES_PATH = 'freigaberouten';

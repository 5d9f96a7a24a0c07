/** The Freigaben area's URL segment; notifications link to `/o/{orgId}/freigaben/{requestId}` (backend/src/notifications). */
export const APPROVALS_PATH = 'freigaben';

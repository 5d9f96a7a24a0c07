/** The text blocks area's URL segment; reminders link to `/o/{orgId}/textbausteine/{textBlockId}` (backend/src/text-blocks). */
export const TEXT_BLOCKS_PATH = 'textbausteine';
/** Form of address and the organization's own placeholders. */
export const TEXT_BLOCK_SETTINGS_PATH = 'einstellungen';

/**
 * German texts of the approvals area, spread into `messages.de.ts`. Kept apart so each area's
 * texts live in one file of their own.
 */
export const approvalsDe = {
} as const;

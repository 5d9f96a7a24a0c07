import type { approvalsDe } from './approvals.de';

/** English texts of the approvals area; a key German lacks or misses is a compile error. */
export const approvalsEn = {
} as const satisfies { readonly [K in keyof typeof approvalsDe]: string };

import type { programDe } from './program.de';

/** English texts of the learning program; a key German lacks or misses is a compile error. */
export const programEn = {
  'auditAction.program.facilitator_granted': 'Program facilitator role granted',
  'auditAction.program.facilitator_revoked': 'Program facilitator role revoked',
  'auditAction.program.run_created': 'Program run created',
  'auditAction.program.weeks_unlocked': 'Weeks unlocked early',
  'auditAction.program.cohort_created': 'Cohort created',
  'auditAction.program.participant_enrolled': 'Participant enrolled in the program',
  'auditAction.program.reflection_saved': 'Reflection saved',
  'auditAction.program.checklist_saved': 'Checklist saved',
  'auditAction.program.exercise_done': 'Weekly exercise done',
  'auditAction.program.shared': 'Shared with the cohort',
  'auditAction.program.share_withdrawn': 'Share withdrawn',
  'auditAction.program.share_commented': 'Comment on a share',
  'auditAction.program.share_reacted': 'Reaction to a share',
} as const satisfies { readonly [K in keyof typeof programDe]: string };

/**
 * German texts of the learning program, spread into `messages.de.ts`. Kept apart so each area's
 * texts live in one file of their own.
 */
export const programDe = {
  'auditAction.program.facilitator_granted': 'Programmleitung vergeben',
  'auditAction.program.facilitator_revoked': 'Programmleitung entzogen',
  'auditAction.program.run_created': 'Durchgang angelegt',
  'auditAction.program.weeks_unlocked': 'Wochen vorzeitig freigeschaltet',
  'auditAction.program.cohort_created': 'Peer-Gruppe angelegt',
  'auditAction.program.participant_enrolled': 'Teilnahme am Lernprogramm eingetragen',
  'auditAction.program.reflection_saved': 'Reflexion gespeichert',
  'auditAction.program.checklist_saved': 'Checkliste gespeichert',
  'auditAction.program.exercise_done': 'Wochenaufgabe erledigt',
  'auditAction.program.shared': 'In die Peer-Gruppe geteilt',
  'auditAction.program.share_withdrawn': 'Geteiltes zurückgezogen',
  'auditAction.program.share_commented': 'Geteiltes kommentiert',
  'auditAction.program.share_reacted': 'Auf Geteiltes reagiert',
} as const;

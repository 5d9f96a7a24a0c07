/** How urgent an open step's due time is; "soon" is within SOON_HOURS. */
export type DueUrgency = 'overdue' | 'soon' | 'later';

const SOON_HOURS = 4;

/**
 * Overdue comes from the server when it says so (its clock decided the inbox), else from the
 * local clock: a page left open past the due time should turn red without a reload.
 */
export function dueUrgency(dueAt: string, now: Date, overdueFromServer = false): DueUrgency {
  const left = new Date(dueAt).getTime() - now.getTime();
  if (overdueFromServer || left <= 0) return 'overdue';
  return left <= SOON_HOURS * 60 * 60 * 1000 ? 'soon' : 'later';
}

import { defineStateMachine } from '../state-machine';

/**
 * An incident (Krisenfall) from „Krise ausrufen“ to the finished after-action review.
 * - `declared` (ausgerufen): created, contacts being alerted; the first action moves it on.
 * - `active` (aktiv): being worked; level changes keep it active.
 * - `ended` (beendet): the crisis is over; the Kommunikationsstopp must be lifted first.
 * - `reviewed` (Review abgeschlossen): the after-action review is written; final.
 */
export const INCIDENT_STATUSES = ['declared', 'active', 'ended', 'reviewed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_STATUS_LABELS: { readonly [S in IncidentStatus]: string } = {
  declared: 'Ausgerufen',
  active: 'Aktiv',
  ended: 'Beendet',
  reviewed: 'Review abgeschlossen',
};

export const incidentMachine = defineStateMachine<IncidentStatus>('incident', {
  declared: ['active', 'ended'],
  active: ['ended'],
  ended: ['reviewed'],
  reviewed: [],
});

export function isOpenIncident(status: IncidentStatus): boolean {
  return status === 'declared' || status === 'active';
}

export type IncidentRefusal = 'closed' | 'same_level' | 'stop_active' | 'not_ended';

/** A level may change while the incident is open, and only to another level. */
export function levelChangeRefusal(status: IncidentStatus, from: number, to: number): IncidentRefusal | null {
  if (!isOpenIncident(status)) return 'closed';
  if (from === to) return 'same_level';
  return null;
}

/** Ending needs the Kommunikationsstopp lifted: nobody should forget the stop behind a closed incident. */
export function endRefusal(status: IncidentStatus, stopActive: boolean): IncidentRefusal | null {
  if (!isOpenIncident(status)) return 'closed';
  if (stopActive) return 'stop_active';
  return null;
}

export function reviewRefusal(status: IncidentStatus): IncidentRefusal | null {
  return status === 'ended' ? null : 'not_ended';
}

export const INCIDENT_REFUSAL_MESSAGES: { readonly [R in IncidentRefusal]: string } = {
  closed: 'Der Krisenfall ist bereits beendet.',
  same_level: 'Der Krisenfall hat bereits diese Stufe.',
  stop_active: 'Bitte zuerst den Kommunikationsstopp aufheben.',
  not_ended: 'Das Review kann erst nach dem Ende des Krisenfalls abgeschlossen werden.',
};

/** Kinds of timeline entries: the automatic ones and a person's note. */
export const TIMELINE_KINDS = [
  'declared',
  'level_changed',
  'checklist_step',
  'contact_alerted',
  'stop_activated',
  'stop_lifted',
  'post_paused',
  'post_resumed',
  'statement_used',
  'note',
  'ended',
  'reviewed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

import { DEFAULT_MISSED_TOLERANCE_MS, isMissed, type PublishOutcomeKind } from './publishing';
import { defineStateMachine } from './state-machine';

/** The publication of one post version on one channel. */
export const PUBLICATION_STATUSES = ['pending', 'publishing', 'published', 'failed', 'unconfirmed', 'missed', 'manual_due'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const PUBLICATION_STATUS_LABELS: { readonly [S in PublicationStatus]: string } = {
  pending: 'Wartet',
  publishing: 'Wird veröffentlicht',
  published: 'Veröffentlicht',
  failed: 'Fehlgeschlagen',
  unconfirmed: 'Unbestätigt',
  missed: 'Verpasst',
  manual_due: 'Jetzt veröffentlichen',
};

/**
 * - `publishing` is written before the adapter sends anything. Found after a worker
 *   crash, it means "maybe sent": it becomes `unconfirmed` (statusAfterInterruption),
 *   never `pending` again.
 * - `publishing → pending` only for a retryable outcome, which proves nothing went out.
 * - `pending → missed` when the tolerance has passed before an attempt started.
 * - `publishing → manual_due` for a channel without an API connection: the attempt hands the
 *   post to a person ("Jetzt veröffentlichen"), who posts it by hand and confirms with its URL.
 * - The moves out of `unconfirmed`, `missed`, `manual_due` and `failed`, and
 *   `pending → published` for a manual channel (confirmed with the post's URL), are made by a
 *   person only (PERSON_PUBLICATION_MOVES).
 * - `published` is final: what went out stays on record.
 */
export const publicationMachine = defineStateMachine<PublicationStatus>('publication', {
  pending: ['publishing', 'missed', 'published'],
  publishing: ['published', 'failed', 'unconfirmed', 'pending', 'manual_due'],
  published: [],
  failed: ['pending'],
  unconfirmed: ['published', 'failed'],
  missed: ['pending', 'published', 'failed'],
  manual_due: ['published', 'failed'],
});

/**
 * What a person may confirm: a manual or unconfirmed publication went out (with its URL)
 * or did not; a missed post goes out late after all, was posted by hand, or is given up; a
 * failed one is tried again.
 */
export const PERSON_PUBLICATION_MOVES: { readonly [S in PublicationStatus]: readonly PublicationStatus[] } = {
  pending: ['published'],
  publishing: [],
  published: [],
  failed: ['pending'],
  unconfirmed: ['published', 'failed'],
  missed: ['pending', 'published', 'failed'],
  manual_due: ['published', 'failed'],
};

export function personMayMovePublication(from: PublicationStatus, to: PublicationStatus): boolean {
  return (PERSON_PUBLICATION_MOVES[from]?.includes(to) ?? false) && publicationMachine.canTransition(from, to);
}

/** The status an attempt's outcome leads to (from `publishing`). */
export function publicationStatusAfter(outcome: PublishOutcomeKind): PublicationStatus {
  const next: { readonly [K in PublishOutcomeKind]: PublicationStatus } = {
    published: 'published',
    failed_retryable: 'pending',
    failed_permanent: 'failed',
    unknown: 'unconfirmed',
  };
  return next[outcome];
}

/**
 * The post's status once its channels' publications stand as given: `published` when every
 * channel went out; `failed` when every channel is settled (published or failed) and one
 * failed; otherwise the post stays `scheduled`, because the publisher or a person can still
 * bring a channel out (pending, publishing, unconfirmed, missed, manual_due). A failed post
 * that a person retries goes back to `scheduled` (postStatusMachine: failed → scheduled).
 */
export function postStatusAfterPublications(statuses: readonly PublicationStatus[]): 'scheduled' | 'published' | 'failed' {
  if (statuses.length === 0) return 'scheduled';
  if (statuses.every((s) => s === 'published')) return 'published';
  if (statuses.every((s) => s === 'published' || s === 'failed')) return 'failed';
  return 'scheduled';
}

/** On worker start: an attempt cut off mid-way may have gone out; a person must look. */
export function statusAfterInterruption(status: PublicationStatus): PublicationStatus {
  return status === 'publishing' ? 'unconfirmed' : status;
}

export type PublishBlockerCode = 'approval-missing' | 'content-changed' | 'communication-stop' | 'not-planned' | 'not-due' | 'missed';

export interface PublishBlocker {
  readonly code: PublishBlockerCode;
  readonly message: string;
}

export interface PublishFacts {
  /** The hash the approved request is bound to (isApprovedFor), or null without approval. */
  readonly approvedContentHash: string | null;
  readonly currentContentHash: string;
  readonly communicationStop: boolean;
  readonly plannedAt: Date | null;
  readonly now: Date;
  /** A person confirmed that the missed post may still go out. */
  readonly lateConfirmed?: boolean;
  readonly toleranceMs?: number;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 60 !== 0) return `${minutes} Minuten`;
  return minutes === 60 ? '1 Stunde' : `${minutes / 60} Stunden`;
}

/**
 * Why a post may not be published now; empty when it may. The publisher's claim asks the
 * same in SQL; this is the reference the tests hold it to (DESIGN.md invariants 1 and 5).
 */
export function publishBlockers(facts: PublishFacts): PublishBlocker[] {
  const blockers: PublishBlocker[] = [];
  const tolerance = facts.toleranceMs ?? DEFAULT_MISSED_TOLERANCE_MS;
  if (facts.approvedContentHash === null) blockers.push({ code: 'approval-missing', message: 'Freigabe fehlt.' });
  else if (facts.approvedContentHash !== facts.currentContentHash) {
    blockers.push({ code: 'content-changed', message: 'Der Inhalt wurde nach der Freigabe geändert; eine neue Freigabe ist nötig.' });
  }
  if (facts.communicationStop) blockers.push({ code: 'communication-stop', message: 'Kommunikationsstopp: Es wird nichts veröffentlicht.' });
  if (facts.plannedAt === null) blockers.push({ code: 'not-planned', message: 'Kein Zeitpunkt geplant.' });
  else if (facts.now.getTime() < facts.plannedAt.getTime()) blockers.push({ code: 'not-due', message: 'Der geplante Zeitpunkt ist noch nicht erreicht.' });
  else if (!facts.lateConfirmed && isMissed(facts.plannedAt, facts.now, tolerance)) {
    blockers.push({
      code: 'missed',
      message: `Verpasst: mehr als ${duration(tolerance)} nach dem geplanten Zeitpunkt. Veröffentlichen nur nach Bestätigung durch eine Person.`,
    });
  }
  return blockers;
}

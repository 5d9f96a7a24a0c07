import type { PostStatus } from '../post-status';

/**
 * What the exercise rules may look at: a small, plain picture of one authority's data at one
 * moment. The server builds it from PostgreSQL; the browser can build the same from what it has
 * loaded, so a panel shows live progress with the very rule the server checks.
 *
 * Areas that an authority does not use yet simply give empty lists.
 */
export interface ProgramSnapshot {
  /** The moment the snapshot describes (ISO instant). */
  readonly now: string;
  /** Today in the authority's time zone, 'YYYY-MM-DD'. */
  readonly today: string;
  readonly channels: readonly { readonly active: boolean }[];
  readonly topics: readonly { readonly id: string }[];
  readonly posts: readonly SnapshotPost[];
  readonly series: readonly SnapshotSeries[];
  readonly approvalRoutes: readonly { readonly id: string; readonly stepCount: number }[];
  /** Approval requests, with the number of steps of the route they went through. */
  readonly approvalRequests: readonly { readonly stepCount: number; readonly status: string }[];
  readonly textBlocks: readonly { readonly approved: boolean; readonly category: string }[];
  /** Replies sent from the inbox, and whether they started from a text block. */
  readonly inboxReplies: readonly { readonly fromTextBlock: boolean }[];
  /** Members and open invitations, by role (the participant included). */
  readonly people: readonly { readonly role: string; readonly pending: boolean }[];
  readonly playbooks: readonly { readonly approved: boolean; readonly contactCount: number }[];
  readonly drills: readonly { readonly reviewed: boolean }[];
}

export interface SnapshotPost {
  readonly status: PostStatus;
  /** Exact planned instant (ISO), or null. */
  readonly plannedAt: string | null;
  /** Planned day only ('YYYY-MM-DD' in the authority's zone), or null. */
  readonly plannedDate: string | null;
  readonly topicId: string | null;
  readonly seriesId: string | null;
  /** When it went out (ISO), for published posts. */
  readonly publishedAt: string | null;
}

export interface SnapshotSeries {
  readonly id: string;
  readonly hasRecurrence: boolean;
  /** Slots of the series that hold a post. */
  readonly filledSlots: number;
}

/** A snapshot of an authority that has done nothing yet; tests and callers fill in what they have. */
export function emptyProgramSnapshot(now: string, today: string): ProgramSnapshot {
  return {
    now,
    today,
    channels: [],
    topics: [],
    posts: [],
    series: [],
    approvalRoutes: [],
    approvalRequests: [],
    textBlocks: [],
    inboxReplies: [],
    people: [],
    playbooks: [],
    drills: [],
  };
}

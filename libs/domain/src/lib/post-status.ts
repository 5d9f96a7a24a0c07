import { defineStateMachine } from './state-machine';

/** The lifecycle of a post (Beitrag). Ids match `PostStatus` in libs/contracts. */
export const POST_STATUSES = [
  'idea',
  'draft',
  'in_approval',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'failed',
  'archived',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** The words the German UI uses (DESIGN.md glossary). */
export const POST_STATUS_LABELS: { readonly [S in PostStatus]: string } = {
  idea: 'Idee',
  draft: 'Entwurf',
  in_approval: 'In Freigabe',
  changes_requested: 'Änderungen erbeten',
  approved: 'Freigegeben',
  scheduled: 'Geplant',
  published: 'Veröffentlicht',
  failed: 'Fehlgeschlagen',
  archived: 'Archiviert',
};

/**
 * Every transition the lifecycle knows, whoever triggers it (user, approval, publisher).
 *
 * - Going back to `draft` from in_approval, approved or scheduled is how an edit voids an
 *   approval: the approved content hash no longer matches (DESIGN.md invariant 1).
 * - `scheduled → approved` is "unschedule": the approval still holds, only the time is gone.
 * - A post in approval or scheduled cannot be archived directly: first withdraw or
 *   unschedule it, so no pending decision or publishing job points at an archived post.
 * - A published post may be archived (to tidy the calendar), but never goes back to draft:
 *   what went out stays on record; posting it again means a new post.
 * - Restoring from the archive lands in `draft` or `idea`, never in an approved state,
 *   so an archived post always needs a fresh approval.
 */
export const postStatusMachine = defineStateMachine<PostStatus>('post', {
  idea: ['draft', 'archived'],
  draft: ['idea', 'in_approval', 'archived'],
  in_approval: ['approved', 'changes_requested', 'draft'],
  changes_requested: ['draft', 'in_approval', 'archived'],
  approved: ['scheduled', 'draft', 'archived'],
  scheduled: ['published', 'failed', 'draft', 'approved'],
  published: ['archived'],
  failed: ['scheduled', 'draft', 'archived'],
  archived: ['draft', 'idea'],
});

/**
 * The moves a user may make by hand on the board today. Approval and publishing moves
 * belong to their own workflows (they need a decision or a publish attempt) and are added
 * there; until then the API refuses them even though the lifecycle knows them.
 */
export const USER_POST_MOVES: { readonly [S in PostStatus]: readonly PostStatus[] } = {
  idea: ['draft', 'archived'],
  draft: ['idea', 'archived'],
  in_approval: [],
  changes_requested: ['archived'],
  approved: ['archived'],
  scheduled: [],
  published: ['archived'],
  failed: ['archived'],
  archived: ['draft', 'idea'],
};

export function userMayMove(from: PostStatus, to: PostStatus): boolean {
  return (USER_POST_MOVES[from]?.includes(to) ?? false) && postStatusMachine.canTransition(from, to);
}

/** For menus: the targets a user can pick for a post in this status. */
export function userMovesFrom(from: PostStatus): readonly PostStatus[] {
  return (USER_POST_MOVES[from] ?? []).filter((to) => postStatusMachine.canTransition(from, to));
}

export function isPostStatus(value: unknown): value is PostStatus {
  return typeof value === 'string' && (POST_STATUSES as readonly string[]).includes(value);
}

import type { PlanEntryView } from '@amtsplan/contracts';

/** What the person's role lets them do in the plan; the same table guards the API. */
export interface PlanRights {
  /** Redaktion and Administration: plan and edit every post. */
  readonly plan: boolean;
  /** Fachbereich too: create drafts and edit their own. */
  readonly propose: boolean;
  readonly userId: string | null;
}

/** Planners edit everything; a Fachbereich only its own ideas and drafts; Leitung and readers nothing. */
export function mayEditPost(rights: PlanRights, post: Pick<PlanEntryView, 'authorUserId' | 'status'>): boolean {
  if (rights.plan) return true;
  return rights.propose && post.authorUserId === rights.userId && (post.status === 'idea' || post.status === 'draft');
}

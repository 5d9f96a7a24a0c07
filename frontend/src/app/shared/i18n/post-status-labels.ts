import type { PostStatus } from '@amtsplan/domain';
import type { PlainMessageKey } from './translate';

/** The German texts are the glossary words of POST_STATUS_LABELS in @amtsplan/domain (checked in the spec). */
const POST_STATUS_LABELS: { readonly [S in PostStatus]: PlainMessageKey } = {
  idea: 'postStatus.idea',
  draft: 'postStatus.draft',
  in_approval: 'postStatus.in_approval',
  changes_requested: 'postStatus.changes_requested',
  approved: 'postStatus.approved',
  scheduled: 'postStatus.scheduled',
  published: 'postStatus.published',
  failed: 'postStatus.failed',
  archived: 'postStatus.archived',
};

export function postStatusLabelKey(status: PostStatus): PlainMessageKey {
  return POST_STATUS_LABELS[status];
}

import { z } from 'zod';
import { APPROVAL_DECISION_KINDS } from '@amtsplan/domain';
import { ApprovalContentView } from './approvals';

/**
 * What an approver saw last time: the content of the most recent earlier request of the same
 * post that this person decided on. The decision page compares it with the request in front
 * of them, so a second round shows only what changed since.
 */
export const PreviousSeenContentView = z.object({
  /** Null when this person has not decided on an earlier request of this post. */
  previous: z
    .object({
      requestId: z.string(),
      submittedAt: z.string(),
      decidedAt: z.string(),
      decision: z.enum(APPROVAL_DECISION_KINDS),
      comment: z.string().nullable(),
      contentHash: z.string(),
      content: ApprovalContentView,
    })
    .nullable(),
});
export type PreviousSeenContentView = z.infer<typeof PreviousSeenContentView>;

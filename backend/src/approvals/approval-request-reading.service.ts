import { Injectable } from '@nestjs/common';
import type { ApprovalRequestView, PreviousSeenContentView } from '@amtsplan/contracts';
import { parseApprovalContent } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalViews, contentView } from './approval-views';

/** Reads for the decision page: one request by its id, and what the reader saw of the post last time. */
@Injectable()
export class ApprovalRequestReading {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly views: ApprovalViews,
  ) {}

  /** Notifications link to a request, not to its post; 404 outside the organization. */
  async request(requestId: string): Promise<ApprovalRequestView> {
    const request = await this.requests.find(requestId);
    if (!request) throw ProblemException.notFound();
    return this.views.request(request);
  }

  /**
   * The canonical content of the most recent earlier request of the same post that the current
   * user decided on (any decision). "Earlier" is by submission time, so a request is never
   * compared with itself or with a later round; null when there is none.
   */
  async previousSeen(requestId: string): Promise<PreviousSeenContentView> {
    const request = await this.requests.find(requestId);
    if (!request) throw ProblemException.notFound();
    // Only posts compare rounds so far; a text block version's earlier versions are its own page.
    if (!request.postId) return { previous: null };
    const { userId } = RequestScope.organization();
    const found = await this.requests.lastDecidedBy(request.postId, userId, request.submittedAt);
    if (!found) return { previous: null };
    return {
      previous: {
        requestId: found.request.id,
        submittedAt: found.request.submittedAt.toISOString(),
        decidedAt: found.decision.decidedAt.toISOString(),
        decision: found.decision.kind,
        comment: found.decision.comment,
        contentHash: found.request.contentHash,
        content: contentView(parseApprovalContent(found.request.canonicalContent)),
      },
    };
  }
}

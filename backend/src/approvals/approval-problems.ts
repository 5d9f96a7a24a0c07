import { type FieldError, ProblemType } from '@amtsplan/contracts';
import type { DecisionRefusal } from '@amtsplan/domain';
import { ProblemException } from '../http/problem.exception';

/** Refusals of the approval workflow as problem details, with the domain's German reasons. */
export const ApprovalProblems = {
  /** The post cannot go to approval as it is (hard findings, nobody to decide): 422 with field problems. */
  notSubmittable(detail: string, errors: readonly FieldError[]): ProblemException {
    return new ProblemException({ type: ProblemType.validation, title: 'Nicht einreichbar', status: 422, detail, errors });
  },

  /**
   * A refused decision: 409 when the request, its open step or its content moved on since the
   * approver looked; 403 when this person may not decide (four-eyes, not named, deputy too
   * early, another step already decided); 400 for a missing comment.
   */
  refusedDecision(refusal: DecisionRefusal): ProblemException {
    switch (refusal.code) {
      case 'request-closed':
      case 'content-changed':
      case 'step-not-open':
        return ProblemException.conflict(refusal.reason);
      case 'comment-required':
        return ProblemException.validation([{ path: 'comment', message: refusal.reason }]);
      case 'unknown-decision':
        return ProblemException.validation([{ path: 'decision', message: refusal.reason }]);
      case 'already-decided':
        return ProblemException.unprocessable(refusal.reason);
      case 'not-an-approver':
      case 'deputy-too-early':
      case 'four-eyes':
      case 'decided-other-step':
        return ProblemException.forbidden(refusal.reason);
    }
  },
};

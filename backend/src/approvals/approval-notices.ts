import { Injectable } from '@nestjs/common';
import {
  APPROVAL_DECISION_DONE_LABELS,
  type ApprovalDecisionKind,
  type ApprovalPolicy,
  type ApprovalRequestState,
  awaitingDecisionFrom,
  currentStepIndex,
} from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { Notifier } from '../notifications/notifier';

/** What the notices say about a request: its id and the post's working title. */
export interface NoticedRequest {
  readonly requestId: string;
  readonly workingTitle: string;
  readonly state: ApprovalRequestState;
}

/** Where a notice about a request leads: the request's page in the app. */
export function approvalLink(organizationId: string, requestId: string): string {
  return `/o/${organizationId}/freigaben/${requestId}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The notifications of the Freigabe workflow, written in the transaction of the event they
 * report (a rolled-back decision tells nobody): a step waits for its approvers, the request
 * ended by a decision, or it became void or was withdrawn. The person acting is never told
 * about their own action. Reminders and escalations come from the worker (ApprovalReminderHandler).
 */
@Injectable()
export class ApprovalNotices {
  constructor(private readonly notifier: Notifier) {}

  /** The open step waits for its approvers (at submission, and when the previous step is approved). */
  async requested(request: NoticedRequest, policy: ApprovalPolicy, now = new Date()): Promise<void> {
    const stepIndex = currentStepIndex(request.state);
    if (stepIndex === null) return;
    const step = request.state.steps[stepIndex];
    await this.send(awaitingDecisionFrom(request.state, policy, now), {
      kind: 'approval_requested',
      title: `Freigabe erbeten: ${shorten(request.workingTitle, 150)}`,
      body: `Schritt ${stepIndex + 1} „${step.name}“ wartet auf Ihre Entscheidung.`,
      requestId: request.requestId,
      dedupeKey: `approval-requested_${request.requestId}_${stepIndex}`,
    });
  }

  /** The request ended by a decision: its author and the person who submitted it learn how. */
  async decided(request: NoticedRequest, decision: { kind: ApprovalDecisionKind; comment: string | null; stepName: string }): Promise<void> {
    const comment = decision.comment ? `\nKommentar: ${decision.comment}` : '';
    await this.send([request.state.authorUserId, request.state.submittedByUserId], {
      kind: 'approval_decided',
      title: `${APPROVAL_DECISION_DONE_LABELS[decision.kind]}: ${shorten(request.workingTitle, 150)}`,
      body: `Entscheidung im Schritt „${decision.stepName}“.${comment}`,
      requestId: request.requestId,
    });
  }

  /**
   * The request no longer stands (content changed, submitted again) or was withdrawn: everyone
   * it had asked or who had decided on it, and its author and submitter.
   */
  async ended(request: NoticedRequest, how: 'voided' | 'withdrawn', reasons: readonly string[]): Promise<void> {
    const { state } = request;
    const asked = state.steps.flatMap((step) =>
      step.status === 'open' ? [...step.approverUserIds, ...(step.deputyUserId ? [step.deputyUserId] : [])] : step.decisions.map((d) => d.userId),
    );
    const title = how === 'voided' ? 'Freigabe ungültig' : 'Freigabe zurückgezogen';
    await this.send([...asked, state.authorUserId, state.submittedByUserId], {
      kind: 'approval_voided',
      title: `${title}: ${shorten(request.workingTitle, 150)}`,
      body: how === 'voided' ? `Die Freigabe gilt nicht mehr:\n${reasons.map((r) => `– ${r}`).join('\n')}` : 'Der Beitrag wurde aus der Freigabe zurückgezogen; es ist nichts mehr zu entscheiden.',
      requestId: request.requestId,
    });
  }

  private async send(
    recipients: readonly string[],
    notice: { kind: 'approval_requested' | 'approval_decided' | 'approval_voided'; title: string; body: string; requestId: string; dedupeKey?: string },
  ): Promise<void> {
    const { organizationId, userId, tx } = RequestScope.organization();
    const others = recipients.filter((id) => id !== userId);
    if (others.length === 0) return;
    await this.notifier.notify(tx, {
      organizationId,
      recipients: others,
      kind: notice.kind,
      title: notice.title,
      body: shorten(notice.body, 2000),
      link: approvalLink(organizationId, notice.requestId),
      dedupeKey: notice.dedupeKey,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { ApprovalInboxItem, ApprovalInboxView } from '@amtsplan/contracts';
import { awaitingDecisionFrom, roleAllows } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { ApprovalViews, isOverdue, policyOf } from './approval-views';

/** Closed submissions stay in "submitted by me" this long, so their outcome is seen. */
const SUBMITTED_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The personal "Freigaben" inbox: what waits for my decision (awaitingDecisionFrom, so the
 * deputy sees a step once it is overdue), what I submitted, and what is overdue. Planners see
 * every overdue request of the organization; others those they submitted, wrote or may decide.
 */
@Injectable()
export class ApprovalInboxService {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly views: ApprovalViews,
  ) {}

  async inbox(): Promise<ApprovalInboxView> {
    const { userId, role } = RequestScope.organization();
    const now = new Date();
    const policy = policyOf(await this.settings.current());
    const pending = await this.requests.pending();
    const mine = await this.requests.submittedBy(userId, new Date(now.getTime() - SUBMITTED_WINDOW_MS));
    const loaded = await this.views.load([...pending, ...mine.filter((r) => r.status !== 'pending')]);
    const items = await this.views.inboxItems(loaded, now);
    const item = (id: string): ApprovalInboxItem[] => {
      const found = items.get(id);
      return found ? [found] : [];
    };

    const running = loaded.filter((l) => l.request.status === 'pending');
    const waiting = running.filter((l) => awaitingDecisionFrom(l.state, policy, now).includes(userId));
    const seesAllOverdue = roleAllows(role, 'posts.plan');
    const concernsMe = (l: (typeof loaded)[number]) =>
      l.request.submittedByUserId === userId || l.request.authorUserId === userId || waiting.includes(l);
    const overdue = running.filter((l) => isOverdue(l.state, now) && (seesAllOverdue || concernsMe(l)));
    const byDue = (a: ApprovalInboxItem, b: ApprovalInboxItem) => (a.currentStep?.dueAt ?? '').localeCompare(b.currentStep?.dueAt ?? '');
    return {
      waitingForMe: waiting.flatMap((l) => item(l.request.id)).sort(byDue),
      submittedByMe: mine.flatMap((r) => item(r.id)),
      overdue: overdue.flatMap((l) => item(l.request.id)).sort(byDue),
    };
  }
}

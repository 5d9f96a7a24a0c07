import { Injectable } from '@nestjs/common';
import { type ApprovalRequestState, awaitingDecisionFrom, type ReminderKind, reminderApplies, reminderJobId } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database';
import { Notifier } from '../notifications/notifier';
import { JobHandler, JobName, JobPayloads } from '../queues/queue-registry';
import { ApprovalDecisionEntity } from './approval-decision.entity';
import { approvalLink, shorten } from './approval-notices';
import { ApprovalRequestEntity } from './approval-request.entity';
import { ApprovalSettingsEntity } from './approval-settings.entity';
import { requestState } from './approval-state';
import { germanDateTime } from './approval-time';

/** A request as the worker reads it in its organization's scope, or null when it is gone. */
export async function loadRequestState(manager: EntityManager, organizationId: string, requestId: string): Promise<ApprovalRequestState | null> {
  const request = await manager.findOne(ApprovalRequestEntity, { where: { id: requestId, organizationId } });
  if (!request) return null;
  const decisions = await manager.find(ApprovalDecisionEntity, { where: { requestId, organizationId } });
  return requestState(request, decisions);
}

interface Context {
  readonly workingTitle: string;
  readonly timeZone: string;
}

/**
 * One reminder or escalation of an approval step, as a job fires. It re-reads the request and
 * does nothing when the request was decided, voided or withdrawn or the step has moved on
 * (reminderApplies). The notification's dedupe key is the job id: a job that runs twice (retry,
 * re-created by the sweep) tells each person once.
 */
@Injectable()
export class ApprovalReminderHandler implements JobHandler<JobName.ApprovalReminder> {
  readonly job = JobName.ApprovalReminder;

  constructor(
    private readonly database: Database,
    private readonly notifier: Notifier,
  ) {}

  async handle({ organizationId, requestId, stepIndex, kind }: JobPayloads[JobName.ApprovalReminder]): Promise<void> {
    await this.database.transaction({ organizationId }, async (tx) => {
      const state = await loadRequestState(tx.manager, organizationId, requestId);
      if (!state || !reminderApplies(state, stepIndex, kind)) return;
      const recipients = await this.recipients(tx.manager, organizationId, state, stepIndex, kind);
      const [context]: Context[] = await tx.manager.query(
        `SELECT COALESCE(p.working_title, v.title, pv.content->>'name', CASE WHEN ir.id IS NOT NULL THEN 'Antwort im Posteingang' END) AS "workingTitle", o.time_zone AS "timeZone"
           FROM approval_requests r JOIN organizations o ON o.id = r.organization_id
           LEFT JOIN posts p ON p.id = r.post_id LEFT JOIN text_block_versions v ON v.id = r.text_block_version_id
           LEFT JOIN playbook_versions pv ON pv.id = r.playbook_version_id
           LEFT JOIN inbox_replies ir ON ir.id = r.inbox_reply_id
          WHERE r.id = $1 AND r.organization_id = $2`,
        [requestId, organizationId],
      );
      const text = notice(kind, state, stepIndex, context ?? { workingTitle: 'Beitrag', timeZone: 'Europe/Berlin' });
      await this.notifier.notify(tx, {
        organizationId,
        recipients,
        kind: kind === 'remind' ? 'approval_reminder' : 'approval_escalated',
        title: text.title,
        body: text.body,
        link: approvalLink(organizationId, requestId),
        dedupeKey: reminderJobId(requestId, stepIndex, kind),
      });
    });
  }

  /**
   * The reminder goes to the approvers who still have to decide (four-eyes and the
   * organization's self-approval setting apply); an escalation to the step's deputy, then to
   * the organization's administrators, who can reach people or withdraw and resubmit.
   */
  private async recipients(manager: EntityManager, organizationId: string, state: ApprovalRequestState, stepIndex: number, kind: ReminderKind): Promise<string[]> {
    if (kind === 'escalate_deputy') return [state.steps[stepIndex].deputyUserId].filter((id): id is string => id !== null);
    if (kind === 'escalate_admin') {
      const rows: Array<{ userId: string }> = await manager.query(`SELECT user_id AS "userId" FROM memberships WHERE organization_id = $1 AND role = 'admin'`, [organizationId]);
      return rows.map((row) => row.userId);
    }
    const settings = await manager.findOne(ApprovalSettingsEntity, { where: { organizationId } });
    // Before the due time only the named approvers are asked; the deputy's turn is the escalation.
    const before = new Date(Math.min(Date.now(), state.steps[stepIndex].dueAt.getTime() - 1));
    return awaitingDecisionFrom(state, { allowSelfApproval: settings?.allowSelfApproval ?? false }, before);
  }
}

function notice(kind: ReminderKind, state: ApprovalRequestState, stepIndex: number, context: Context): { title: string; body: string } {
  const step = state.steps[stepIndex];
  const title = shorten(context.workingTitle, 150);
  const due = germanDateTime(step.dueAt, context.timeZone);
  const which = `Schritt ${stepIndex + 1} „${step.name}“`;
  switch (kind) {
    case 'remind':
      return { title: `Freigabe bald fällig: ${title}`, body: `${which} ist am ${due} fällig und wartet noch auf Ihre Entscheidung.` };
    case 'escalate_deputy':
      return {
        title: `Freigabe überfällig, bitte vertreten: ${title}`,
        body: `${which} war am ${due} fällig und ist noch nicht entschieden. Als Vertretung können Sie jetzt entscheiden.`,
      };
    case 'escalate_admin':
      return {
        title: `Freigabe überfällig: ${title}`,
        body: `${which} war am ${due} fällig und ist noch nicht entschieden. Bitte die Beteiligten erreichen oder den Beitrag zurückziehen und mit einer anderen Route einreichen.`,
      };
  }
}

import { Injectable } from '@nestjs/common';
import { inboxResponseReminderStillDue, type InboxResponseReminderKind, type InboxStatus } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { Notifier } from '../notifications/notifier';
import { shorten } from '../approvals/approval-notices';
import { JobHandler, JobName, JobPayloads } from '../queues/queue-registry';
import { InboxHistoryEntity } from './inbox-records.entity';
import { inboxResponseReminderJobId } from './inbox-response-reminder-jobs';

/** Who is told about an unassigned item: the people who work the inbox day to day. */
const UNASSIGNED_RECIPIENT_ROLES = ['moderator', 'editor'];

interface Reminded {
  readonly id: string;
  readonly status: InboxStatus;
  readonly firstResponseAt: Date | null;
  readonly responseDueAt: Date;
  readonly assigneeUserId: string | null;
  readonly authorHandle: string;
  readonly text: string;
  readonly timeZone: string;
}

/**
 * Tells the assignee (or, for an unassigned item, the organization's moderators and editors)
 * that the first answer is due soon or overdue. Re-reads the item: answered, closed, hidden or
 * a moved due time means nothing to say. Deduped by the job id; the item's history shows it.
 */
@Injectable()
export class InboxResponseReminderHandler implements JobHandler<JobName.InboxResponseReminder> {
  readonly job = JobName.InboxResponseReminder;

  constructor(
    private readonly database: Database,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
  ) {}

  async handle({ organizationId, itemId, kind, dueAt }: JobPayloads[JobName.InboxResponseReminder]): Promise<void> {
    const plannedDueAt = new Date(dueAt);
    await this.database.transaction({ organizationId }, async (tx) => {
      const [item]: Reminded[] = await tx.manager.query(
        `SELECT i.id, i.status, i.first_response_at AS "firstResponseAt", i.response_due_at AS "responseDueAt", i.assignee_user_id AS "assigneeUserId",
                i.author_handle AS "authorHandle", i.text, o.time_zone AS "timeZone"
           FROM inbox_items i JOIN organizations o ON o.id = i.organization_id
          WHERE i.id = $1 AND i.organization_id = $2 FOR UPDATE OF i`,
        [itemId, organizationId],
      );
      if (!item || !inboxResponseReminderStillDue(item, plannedDueAt)) return;
      const recipients = item.assigneeUserId
        ? [item.assigneeUserId]
        : (
            (await tx.manager.query(`SELECT user_id AS "userId" FROM memberships WHERE organization_id = $1 AND role = ANY($2::text[])`, [organizationId, UNASSIGNED_RECIPIENT_ROLES])) as Array<{
              userId: string;
            }>
          ).map((m) => m.userId);
      const text = notice(kind, item);
      const notified = await this.notifier.notify(tx, {
        organizationId,
        recipients,
        kind: 'inbox_response_due',
        title: text.title,
        body: text.body,
        link: `/o/${organizationId}/community`,
        dedupeKey: inboxResponseReminderJobId(item.id, kind, plannedDueAt),
      });
      if (notified.length === 0) return;
      const details = { kind, dueAt: plannedDueAt.toISOString(), recipients: notified.length, assigned: item.assigneeUserId !== null };
      await tx.manager.insert(InboxHistoryEntity, { organizationId, itemId: item.id, actorUserId: null, action: 'inbox.response_reminder_sent', details: details as never });
      await this.audit.record(tx.manager, { action: 'inbox.response_reminder_sent', organizationId, actorUserId: null, objectType: 'inbox_item', objectId: item.id, details, ip: null });
    });
  }
}

function notice(kind: InboxResponseReminderKind, item: Reminded): { title: string; body: string } {
  const due = new Intl.DateTimeFormat('de-DE', { dateStyle: 'short', timeStyle: 'short', timeZone: item.timeZone }).format(item.responseDueAt);
  const excerpt = shorten(item.text.replace(/\s+/g, ' ').trim(), 120);
  const from = shorten(item.authorHandle, 60);
  if (kind === 'due_soon') {
    return {
      title: `Antwort bald fällig: ${from}`,
      body: `Die erste Antwort auf „${excerpt}“ von ${from} ist bis ${due} Uhr fällig (Antwortziel in Dienstzeit). Bitte beantworten oder als erledigt markieren.`,
    };
  }
  return {
    title: `Antwortfrist überschritten: ${from}`,
    body: `Die erste Antwort auf „${excerpt}“ von ${from} war bis ${due} Uhr fällig und steht noch aus. Bitte jetzt beantworten oder weitergeben.`,
  };
}

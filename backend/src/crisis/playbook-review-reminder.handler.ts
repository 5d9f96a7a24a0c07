import { Injectable } from '@nestjs/common';
import type { PlaybookReviewReminderKind } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { Notifier } from '../notifications/notifier';
import { shorten } from '../approvals/approval-notices';
import { JobHandler, JobName, JobPayloads } from '../queues/queue-registry';
import { playbookReviewReminderJobId } from './playbook-review-reminder-jobs';

interface Reminded {
  readonly id: string;
  readonly ownerUserId: string | null;
  readonly nextReviewOn: string | null;
  readonly content: { readonly name?: unknown } | null;
}

/**
 * Tells a playbook's owner that its review is a week away or due today. Re-reads the playbook:
 * a moved or removed review date, no owner, or a deleted playbook means nothing to say. Deduped
 * by the job id; on the day itself `review_reminded_for` records the date reminded of.
 */
@Injectable()
export class PlaybookReviewReminderHandler implements JobHandler<JobName.PlaybookReviewReminder> {
  readonly job = JobName.PlaybookReviewReminder;

  constructor(
    private readonly database: Database,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
  ) {}

  async handle({ organizationId, playbookId, kind, reviewOn }: JobPayloads[JobName.PlaybookReviewReminder]): Promise<void> {
    await this.database.transaction({ organizationId }, async (tx) => {
      const [playbook]: Reminded[] = await tx.manager.query(
        `SELECT p.id, p.owner_user_id AS "ownerUserId", to_char(p.next_review_on, 'YYYY-MM-DD') AS "nextReviewOn", v.content
           FROM playbooks p LEFT JOIN playbook_versions v ON v.id = p.current_version_id
          WHERE p.id = $1 AND p.organization_id = $2 FOR UPDATE OF p`,
        [playbookId, organizationId],
      );
      if (!playbook || playbook.nextReviewOn !== reviewOn || !playbook.ownerUserId) return;
      const name = typeof playbook.content?.name === 'string' ? playbook.content.name : 'Krisen-Playbook';
      const text = notice(kind, shorten(name, 140), reviewOn);
      const notified = await this.notifier.notify(tx, {
        organizationId,
        recipients: [playbook.ownerUserId],
        kind: 'playbook_review_due',
        title: text.title,
        body: text.body,
        link: `/o/${organizationId}/krisen-playbooks/playbooks/${playbook.id}`,
        dedupeKey: playbookReviewReminderJobId(playbook.id, kind, reviewOn),
      });
      if (notified.length === 0) return;
      if (kind === 'review_due') await tx.manager.query(`UPDATE playbooks SET review_reminded_for = $2 WHERE id = $1`, [playbook.id, reviewOn]);
      await this.audit.record(tx.manager, {
        action: 'playbook.review_reminder_sent',
        organizationId,
        actorUserId: null,
        objectType: 'playbook',
        objectId: playbook.id,
        details: { kind, reviewOn, name },
        ip: null,
      });
    });
  }
}

function notice(kind: PlaybookReviewReminderKind, name: string, reviewOn: string): { title: string; body: string } {
  const date = reviewOn.split('-').reverse().join('.');
  if (kind === 'review_soon') {
    return {
      title: `Playbook-Überprüfung in einer Woche: ${name}`,
      body: `Das Krisen-Playbook „${name}“ ist am ${date} zur Überprüfung fällig. Bitte einen Termin mit den Beteiligten planen: Kontakte, Stufen und Vorlagen durchgehen.`,
    };
  }
  return {
    title: `Playbook überprüfen: ${name}`,
    body: `Das Krisen-Playbook „${name}“ ist heute (${date}) zur Überprüfung fällig. Bitte Kontakte, Stufen und Vorlagen prüfen, das Datum der Überprüfung eintragen und ein neues Prüfdatum setzen.`,
  };
}

import { Injectable } from '@nestjs/common';
import { isExpired, localDateOf, type TextBlockReminderKind } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { Notifier } from '../notifications/notifier';
import { shorten } from '../approvals/approval-notices';
import { JobHandler, JobName, JobPayloads } from '../queues/queue-registry';
import { textBlockReminderJobId } from './text-block-reminder-jobs';

interface Reminded {
  readonly id: string;
  readonly shortCode: string;
  readonly ownerUserId: string;
  readonly reviewOn: string | null;
  readonly validUntil: string | null;
  readonly title: string;
  readonly timeZone: string;
}

/**
 * Tells a block's owner that its review date or its last valid day has come. Re-reads the block:
 * a date changed or removed since the job was added means nothing to say. The notification's
 * dedupe key is the job id, so a retried or re-created job tells the owner once.
 */
@Injectable()
export class TextBlockReminderHandler implements JobHandler<JobName.TextBlockReminder> {
  readonly job = JobName.TextBlockReminder;

  constructor(
    private readonly database: Database,
    private readonly notifier: Notifier,
    private readonly audit: AuditLog,
  ) {}

  async handle({ organizationId, textBlockId, kind, on }: JobPayloads[JobName.TextBlockReminder]): Promise<void> {
    await this.database.transaction({ organizationId }, async (tx) => {
      const [block]: Reminded[] = await tx.manager.query(
        `SELECT b.id, b.short_code AS "shortCode", b.owner_user_id AS "ownerUserId",
                to_char(b.review_on, 'YYYY-MM-DD') AS "reviewOn", to_char(b.valid_until, 'YYYY-MM-DD') AS "validUntil",
                v.title, o.time_zone AS "timeZone"
           FROM text_blocks b JOIN organizations o ON o.id = b.organization_id
           JOIN text_block_versions v ON v.id = b.latest_version_id
          WHERE b.id = $1 AND b.organization_id = $2`,
        [textBlockId, organizationId],
      );
      if (!block || (kind === 'review_due' ? block.reviewOn : block.validUntil) !== on) return;
      const text = notice(kind, block);
      const notified = await this.notifier.notify(tx, {
        organizationId,
        recipients: [block.ownerUserId],
        kind: 'text_block_due',
        title: text.title,
        body: text.body,
        link: `/o/${organizationId}/textbausteine/${block.id}`,
        dedupeKey: textBlockReminderJobId(block.id, kind, on),
      });
      if (notified.length > 0) {
        await this.audit.record(tx.manager, {
          action: 'text_block.reminder_sent',
          organizationId,
          actorUserId: null,
          objectType: 'text_block',
          objectId: block.id,
          details: { kind, on, shortCode: block.shortCode, expiredToday: isExpired({ validUntil: block.validUntil }, localDateOf(new Date(), block.timeZone)) },
          ip: null,
        });
      }
    });
  }
}

function notice(kind: TextBlockReminderKind, block: Reminded): { title: string; body: string } {
  const title = shorten(block.title, 150);
  if (kind === 'review_due') {
    return { title: `Textbaustein prüfen: ${title}`, body: `Der Textbaustein „/${block.shortCode}“ ist heute zur Prüfung fällig. Bitte prüfen, ob er noch stimmt, und ein neues Prüfdatum setzen.` };
  }
  return {
    title: `Textbaustein läuft ab: ${title}`,
    body: `Heute ist der letzte Tag, an dem „/${block.shortCode}“ gilt. Ab morgen wird er beim Antworten nicht mehr angeboten. Bitte verlängern oder ersetzen.`,
  };
}

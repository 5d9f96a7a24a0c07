import { Injectable } from '@nestjs/common';
import { localDateOf, playbookReviewReminders, type PlaybookReviewReminderKind, zonedLocalToUtc } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { jobId, JobName } from '../queues/queue-registry';
import { DatedReminderJobs, type DatedReminder } from '../reminders/dated-reminder-jobs';

/** Like the text blocks' reminders: 08:00 on the day, the organization's wall clock. */
const REMINDER_LOCAL_TIME = '08:00';

/** Playbook, kind and the review date it is about: a moved date is a new reminder. */
export function playbookReviewReminderJobId(playbookId: string, kind: PlaybookReviewReminderKind, reviewOn: string): string {
  return jobId(JobName.PlaybookReviewReminder, playbookId, kind, reviewOn);
}

export interface RemindedPlaybook {
  readonly id: string;
  readonly organizationId: string;
  readonly ownerUserId: string | null;
  readonly nextReviewOn: string | null;
}

/** The owner's reminders of the next review (playbookReviewReminders in libs/domain) as dated reminders. */
export function playbookReviewDatedReminders(playbook: RemindedPlaybook, timeZone: string, now = new Date()): DatedReminder[] {
  if (playbook.ownerUserId === null || playbook.nextReviewOn === null) return [];
  const reviewOn = playbook.nextReviewOn;
  return playbookReviewReminders(reviewOn, localDateOf(now, timeZone)).map((reminder) => ({
    job: JobName.PlaybookReviewReminder,
    jobId: playbookReviewReminderJobId(playbook.id, reminder.kind, reviewOn),
    at: zonedLocalToUtc(`${reminder.on}T${REMINDER_LOCAL_TIME}`, timeZone),
    payload: { organizationId: playbook.organizationId, playbookId: playbook.id, kind: reminder.kind, reviewOn },
  }));
}

/** Plans a playbook's review reminders after the transaction that set its date commits. */
@Injectable()
export class PlaybookReviewReminderJobs {
  constructor(private readonly reminders: DatedReminderJobs) {}

  async planAfterCommit(playbookId: string): Promise<void> {
    const { tx, organizationId } = RequestScope.organization();
    const [found]: Array<RemindedPlaybook & { timeZone: string }> = await tx.manager.query(
      `SELECT p.id, p.organization_id AS "organizationId", p.owner_user_id AS "ownerUserId", to_char(p.next_review_on, 'YYYY-MM-DD') AS "nextReviewOn", o.time_zone AS "timeZone"
         FROM playbooks p JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1 AND p.organization_id = $2`,
      [playbookId, organizationId],
    );
    if (found) this.reminders.planAfterCommit(tx, playbookReviewDatedReminders(found, found.timeZone));
  }
}

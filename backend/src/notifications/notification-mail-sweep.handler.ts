import { Injectable, Logger } from '@nestjs/common';
import { Database } from '../database/database';
import { JobQueue } from '../queues/job-queue';
import { JobHandler, jobId, JobName } from '../queues/queue-registry';
import { NotificationRepository } from './notification.repository';

/** A mail job younger than this may still be on its way; older ones still due are enqueued again. */
const GRACE_SECONDS = 120;
const BATCH = 500;

/**
 * Re-creates mail jobs lost between commit and Redis (Redis down, flushed, process killed):
 * PostgreSQL knows which mails are due. Same job ids as the Notifier, so a job that still
 * exists is not added twice.
 */
@Injectable()
export class NotificationMailSweepHandler implements JobHandler<JobName.NotificationMailSweep> {
  readonly job = JobName.NotificationMailSweep;
  private readonly logger = new Logger('NotificationMailSweep');

  constructor(
    private readonly database: Database,
    private readonly notifications: NotificationRepository,
    private readonly jobs: JobQueue,
  ) {}

  async handle(): Promise<void> {
    const due = await this.database.transaction({}, ({ manager }) => this.notifications.mailsDue(manager, GRACE_SECONDS, BATCH));
    for (const mail of due) {
      await this.jobs.enqueue(JobName.NotificationMail, mail, { jobId: jobId(JobName.NotificationMail, mail.notificationId) });
    }
    if (due.length) this.logger.log(`${due.length} fällige Benachrichtigungs-E-Mails erneut eingereiht`);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { Sessions } from '../auth/sessions';
import { JobHandler, JobName } from '../queues/queue-registry';

@Injectable()
export class SessionPurgeHandler implements JobHandler<JobName.PurgeExpiredSessions> {
  readonly job = JobName.PurgeExpiredSessions;
  private readonly logger = new Logger('SessionPurge');

  constructor(private readonly sessions: Sessions) {}

  async handle(): Promise<void> {
    const purged = await this.sessions.purgeExpired();
    if (purged) this.logger.log(`${purged} abgelaufene Sitzungen gelöscht`);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { remainingCohortMeetings } from '@amtsplan/domain';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database';
import { ProblemException } from '../http/problem.exception';
import { cohortCalendarFileName, renderCohortCalendar } from './cohort-calendar';
import { CurriculumCatalogue } from './curriculum-catalogue';
import type { Actor } from './facilitation.service';
import { ProgramRunsRepository } from './program-runs.repository';
import { meetingOf } from './program-views';

export interface CohortCalendarFile {
  readonly fileName: string;
  readonly content: Buffer;
}

/**
 * The cohort's remaining meetings as an .ics download, for its members and the run's facilitator
 * only (the cohort's row-level security; anyone else gets 404 as for a cohort that does not exist).
 */
@Injectable()
export class CohortCalendarService {
  constructor(
    private readonly database: Database,
    private readonly runs: ProgramRunsRepository,
    private readonly catalogue: CurriculumCatalogue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  calendar(actor: Actor, cohortId: string, now = new Date()): Promise<CohortCalendarFile> {
    return this.database.transaction({ userId: actor.userId }, async ({ manager }) => {
      const cohort = await this.runs.cohort(manager, cohortId);
      if (!cohort) throw ProblemException.notFound();
      const run = await this.runs.run(manager, cohort.runId);
      if (!run) throw ProblemException.notFound();
      const content = renderCohortCalendar({
        cohortId: cohort.id,
        cohortName: cohort.name,
        meetings: remainingCohortMeetings(run.startsOn, meetingOf(cohort), now),
        weeks: this.catalogue.current.weeks,
        uidDomain: new URL(this.config.appOrigin).hostname,
        now,
      });
      return { fileName: cohortCalendarFileName(cohort.name), content: Buffer.from(content, 'utf8') };
    });
  }
}

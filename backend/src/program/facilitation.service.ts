import { Injectable } from '@nestjs/common';
import type { AuthorityOption, CohortSummaryView, CreateCohortRequest, CreateRunRequest, EnrolParticipantRequest, RunView, UnlockWeeksRequest } from '@amtsplan/contracts';
import { cohortEnrolmentProblem, runToday, unlockProblem } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';
import { Database } from '../database/database';
import { ProblemException } from '../http/problem.exception';
import { CurriculumCatalogue } from './curriculum-catalogue';
import { ProgramRunEntity } from './program-run.entity';
import { ProgramRunsRepository } from './program-runs.repository';
import { runView } from './program-views';

export interface Actor {
  readonly userId: string;
  readonly ip: string | null;
}

/**
 * The facilitator's use cases: runs, cohorts, enrolments, early unlocks. A facilitator is
 * installation-wide (granted on the command line); they see only the runs they lead, and of an
 * authority only what a cohort sees (names, progress counts, shares).
 */
@Injectable()
export class FacilitationService {
  constructor(
    private readonly database: Database,
    private readonly runs: ProgramRunsRepository,
    private readonly catalogue: CurriculumCatalogue,
    private readonly audit: AuditLog,
  ) {}

  authorities(actor: Actor): Promise<AuthorityOption[]> {
    return this.asFacilitator(actor, async (manager) => (await manager.query('SELECT id, name FROM program_authorities()')) as AuthorityOption[]);
  }

  list(actor: Actor): Promise<RunView[]> {
    return this.asFacilitator(actor, async (manager) => {
      const runs = await this.runs.runsLedBy(manager, actor.userId);
      // One run after the other: they share the transaction's connection.
      const views: RunView[] = [];
      for (const run of runs) views.push(await this.view(manager, run));
      return views;
    });
  }

  get(actor: Actor, runId: string): Promise<RunView> {
    return this.asFacilitator(actor, async (manager) => this.view(manager, await this.ownRun(manager, runId, actor)));
  }

  create(actor: Actor, request: CreateRunRequest): Promise<RunView> {
    return this.asFacilitator(actor, async (manager) => {
      const id = await this.runs.insertRun(manager, {
        name: request.name,
        startsOn: request.startsOn,
        curriculumVersion: this.catalogue.current.version,
        facilitatorUserId: actor.userId,
      });
      await this.record(manager, actor, 'program.run_created', 'program_run', id, { name: request.name, startsOn: request.startsOn });
      return this.view(manager, await this.ownRun(manager, id, actor));
    });
  }

  unlock(actor: Actor, runId: string, request: UnlockWeeksRequest): Promise<RunView> {
    return this.asFacilitator(actor, async (manager) => {
      const run = await this.ownRun(manager, runId, actor);
      if (run.version !== request.version) throw ProblemException.staleVersion();
      const problem = unlockProblem({ startsOn: run.startsOn, unlockedThroughWeek: run.unlockedThroughWeek }, request.throughWeek, runToday(new Date()));
      if (problem) throw ProblemException.unprocessable(problem);
      if (!(await this.runs.unlock(manager, run.id, request.version, request.throughWeek))) throw ProblemException.staleVersion();
      await this.record(manager, actor, 'program.weeks_unlocked', 'program_run', run.id, { from: run.unlockedThroughWeek, throughWeek: request.throughWeek });
      return this.view(manager, await this.ownRun(manager, run.id, actor));
    });
  }

  createCohort(actor: Actor, runId: string, request: CreateCohortRequest): Promise<CohortSummaryView> {
    return this.asFacilitator(actor, async (manager) => {
      const run = await this.ownRun(manager, runId, actor);
      const id = await this.runs.insertCohort(manager, { runId: run.id, name: request.name, meetingWeekday: request.meeting.weekday, meetingTime: request.meeting.time });
      await this.record(manager, actor, 'program.cohort_created', 'program_cohort', id, { runId: run.id, name: request.name });
      return this.cohortSummary(manager, run, id);
    });
  }

  enrol(actor: Actor, cohortId: string, request: EnrolParticipantRequest): Promise<CohortSummaryView> {
    return this.asFacilitator(actor, async (manager) => {
      const cohort = await this.runs.cohort(manager, cohortId);
      const run = cohort && (await this.runs.runLedBy(manager, cohort.runId, actor.userId));
      if (!cohort || !run) throw ProblemException.notFound();
      await this.runs.lockCohort(manager, cohort.id);
      const userId = await this.runs.memberByEmail(manager, request.organizationId, request.email);
      if (!userId) throw ProblemException.validation([{ path: 'email', message: 'Unter dieser Adresse ist bei dieser Behörde niemand Mitglied.' }]);
      const alreadyTakingPart = ProblemException.conflict('Diese Behörde nimmt an diesem Durchgang bereits teil (eine Person je Behörde).');
      if (await this.runs.enrolmentInRun(manager, run.id, request.organizationId)) throw alreadyTakingPart;
      const enrolled = await this.runs.enrolmentsOfCohorts(manager, [cohort.id]);
      const problem = cohortEnrolmentProblem(
        enrolled.map((e) => e.organizationId),
        request.organizationId,
      );
      if (problem) throw ProblemException.unprocessable(problem);
      const id = await this.runs.insertEnrolment(manager, { runId: run.id, cohortId: cohort.id, organizationId: request.organizationId, userId });
      if (!id) throw alreadyTakingPart;
      await this.record(manager, actor, 'program.participant_enrolled', 'program_enrolment', id, {
        runId: run.id,
        cohortId: cohort.id,
        organizationId: request.organizationId,
        participantUserId: userId,
      });
      return this.cohortSummary(manager, run, cohort.id);
    });
  }

  private async view(manager: EntityManager, run: ProgramRunEntity): Promise<RunView> {
    const cohorts = await this.runs.cohortsOf(manager, [run.id]);
    const enrolments = await this.runs.enrolmentsOfCohorts(manager, cohorts.map((c) => c.id));
    const authorities = new Map<string, number>();
    for (const enrolment of enrolments) authorities.set(enrolment.cohortId, (authorities.get(enrolment.cohortId) ?? 0) + 1);
    return runView(run, cohorts, authorities, new Date());
  }

  private async cohortSummary(manager: EntityManager, run: ProgramRunEntity, cohortId: string): Promise<CohortSummaryView> {
    const summary = (await this.view(manager, run)).cohorts.find((cohort) => cohort.id === cohortId);
    if (!summary) throw ProblemException.notFound();
    return summary;
  }

  private async ownRun(manager: EntityManager, runId: string, actor: Actor): Promise<ProgramRunEntity> {
    const run = await this.runs.runLedBy(manager, runId, actor.userId);
    if (!run) throw ProblemException.notFound();
    return run;
  }

  /** Facilitator actions concern no single authority: their audit events carry none. */
  private record(manager: EntityManager, actor: Actor, action: Parameters<AuditLog['record']>[1]['action'], objectType: string, objectId: string, details: Record<string, unknown>) {
    return this.audit.record(manager, { action, organizationId: null, actorUserId: actor.userId, objectType, objectId, details, ip: actor.ip });
  }

  private asFacilitator<T>(actor: Actor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.database.transaction({ userId: actor.userId }, async ({ manager }) => {
      if (!(await this.runs.isFacilitator(manager))) throw ProblemException.forbidden('Nur für die Programmleitung.');
      return work(manager);
    });
  }
}

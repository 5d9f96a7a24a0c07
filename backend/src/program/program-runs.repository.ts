import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';
import { ProgramCohortEntity, ProgramEnrolmentEntity, ProgramRunEntity } from './program-run.entity';

export interface CohortMemberRow {
  readonly enrolmentId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly userId: string;
  readonly participantName: string;
}

/**
 * Runs, cohorts and enrolments. They are not one authority's data, so the transaction carries the
 * person (`app.user_id`) and row-level security decides what a facilitator or cohort member sees;
 * every query here also names what it asks for (run of this facilitator, this cohort).
 */
@Injectable()
export class ProgramRunsRepository {
  async isFacilitator(manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query('SELECT app_is_program_facilitator() AS yes');
    return row?.yes === true;
  }

  runsLedBy(manager: EntityManager, userId: string): Promise<ProgramRunEntity[]> {
    return manager.find(ProgramRunEntity, { where: { facilitatorUserId: userId }, order: { startsOn: 'DESC', name: 'ASC' } });
  }

  runLedBy(manager: EntityManager, runId: string, userId: string): Promise<ProgramRunEntity | null> {
    return manager.findOne(ProgramRunEntity, { where: { id: runId, facilitatorUserId: userId } });
  }

  run(manager: EntityManager, runId: string): Promise<ProgramRunEntity | null> {
    return manager.findOne(ProgramRunEntity, { where: { id: runId } });
  }

  cohortsOf(manager: EntityManager, runIds: readonly string[]): Promise<ProgramCohortEntity[]> {
    if (runIds.length === 0) return Promise.resolve([]);
    return manager.createQueryBuilder(ProgramCohortEntity, 'c').where('c.run_id IN (:...runIds)', { runIds: [...runIds] }).orderBy('c.name').getMany();
  }

  /** A cohort the current person may see (participant or facilitator), else null. */
  cohort(manager: EntityManager, cohortId: string): Promise<ProgramCohortEntity | null> {
    return manager.findOne(ProgramCohortEntity, { where: { id: cohortId } });
  }

  enrolmentsOfCohorts(manager: EntityManager, cohortIds: readonly string[]): Promise<ProgramEnrolmentEntity[]> {
    if (cohortIds.length === 0) return Promise.resolve([]);
    return manager.createQueryBuilder(ProgramEnrolmentEntity, 'e').where('e.cohort_id IN (:...cohortIds)', { cohortIds: [...cohortIds] }).getMany();
  }

  enrolmentInRun(manager: EntityManager, runId: string, organizationId: string): Promise<ProgramEnrolmentEntity | null> {
    return manager.findOne(ProgramEnrolmentEntity, { where: { runId, organizationId } });
  }

  /** The current person's enrolment in a cohort, if they take part in it. */
  ownEnrolmentInCohort(manager: EntityManager, cohortId: string, userId: string): Promise<ProgramEnrolmentEntity | null> {
    return manager.findOne(ProgramEnrolmentEntity, { where: { cohortId, userId } });
  }

  async memberByEmail(manager: EntityManager, organizationId: string, email: string): Promise<string | null> {
    const [row] = await manager.query('SELECT program_member_by_email($1, $2) AS id', [organizationId, email]);
    return (row?.id as string | null) ?? null;
  }

  async cohortMembers(manager: EntityManager, cohortId: string): Promise<CohortMemberRow[]> {
    const rows: Array<{ enrolment_id: string; organization_id: string; organization_name: string; user_id: string; participant_name: string }> = await manager.query(
      'SELECT * FROM program_cohort_members($1)',
      [cohortId],
    );
    return rows.map((r) => ({ enrolmentId: r.enrolment_id, organizationId: r.organization_id, organizationName: r.organization_name, userId: r.user_id, participantName: r.participant_name }));
  }

  /** Finished exercises per enrolment and week. */
  async cohortProgress(manager: EntityManager, cohortId: string): Promise<Map<string, number[]>> {
    const rows: Array<{ enrolment_id: string; week: number; done: number }> = await manager.query('SELECT * FROM program_cohort_progress($1)', [cohortId]);
    const byEnrolment = new Map<string, number[]>();
    for (const row of rows) {
      const weeks = byEnrolment.get(row.enrolment_id) ?? Array.from({ length: 12 }, () => 0);
      if (row.week >= 1 && row.week <= 12) weeks[row.week - 1] = row.done;
      byEnrolment.set(row.enrolment_id, weeks);
    }
    return byEnrolment;
  }

  insertRun(manager: EntityManager, values: Pick<ProgramRunEntity, 'name' | 'startsOn' | 'curriculumVersion' | 'facilitatorUserId'>): Promise<string> {
    return insertRow(manager, ProgramRunEntity, values);
  }

  /** Moves the early unlock forward when the version matches; false when it was stale. */
  async unlock(manager: EntityManager, runId: string, version: number, throughWeek: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ProgramRunEntity)
      .set({ unlockedThroughWeek: throughWeek, version: () => 'version + 1' } as never)
      .where('id = :runId AND version = :version', { runId, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  insertCohort(manager: EntityManager, values: Pick<ProgramCohortEntity, 'runId' | 'name' | 'meetingWeekday' | 'meetingTime'>): Promise<string> {
    return insertRow(manager, ProgramCohortEntity, values);
  }

  /** Null when the authority already takes part in the run (one participant per authority). */
  async insertEnrolment(manager: EntityManager, values: Pick<ProgramEnrolmentEntity, 'runId' | 'cohortId' | 'organizationId' | 'userId'>): Promise<string | null> {
    try {
      return await insertRow(manager, ProgramEnrolmentEntity, values);
    } catch (error) {
      const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (driverError?.code === '23505' && driverError.constraint === 'UQ_program_enrolments_run_organization') return null;
      throw error;
    }
  }

  /**
   * Serialises enrolments into one cohort, so two facilitator requests at once cannot together
   * put a sixth authority into it.
   */
  async lockCohort(manager: EntityManager, cohortId: string): Promise<void> {
    await manager.query('SELECT id FROM program_cohorts WHERE id = $1 FOR UPDATE', [cohortId]);
  }
}

/**
 * Inserts without RETURNING: the read policies of the program tables are checked by functions
 * that work on the statement's snapshot, in which the new row does not exist yet. The id comes
 * from here, and the caller reads the row back in the next statement.
 */
export async function insertRow<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, values: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await manager.createQueryBuilder().insert().into(entity).values({ id, ...values } as never).updateEntity(false).execute();
  return id;
}

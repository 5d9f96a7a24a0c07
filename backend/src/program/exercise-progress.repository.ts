import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ExerciseProgressStatus } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { ExerciseProgressEntity } from './exercise-progress.entity';
import { ProgramCohortEntity, ProgramEnrolmentEntity, ProgramRunEntity } from './program-run.entity';

export interface ProgressChanges {
  readonly status: ExerciseProgressStatus;
  readonly answer?: string;
  readonly finished?: boolean;
  readonly checked?: number[];
  readonly doneAt: Date | null;
}

export interface ParticipantEnrolment {
  readonly enrolment: ProgramEnrolmentEntity;
  readonly run: ProgramRunEntity;
  readonly cohort: ProgramCohortEntity;
}

/** The participant's enrolments and exercise progress in the current request's organization. */
@Injectable()
export class ExerciseProgressRepository {
  /** The signed-in person's enrolments for this authority, with run and cohort. */
  async ownEnrolments(enrolmentId?: string): Promise<ParticipantEnrolment[]> {
    const { organizationId, userId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const enrolments = await manager.find(ProgramEnrolmentEntity, {
      where: enrolmentId ? { id: enrolmentId, organizationId, userId } : { organizationId, userId },
      relations: { run: true, cohort: true },
      order: { createdAt: 'DESC' },
    });
    return enrolments.flatMap((enrolment) => (enrolment.run && enrolment.cohort ? [{ enrolment, run: enrolment.run, cohort: enrolment.cohort }] : []));
  }

  list(enrolmentId: string): Promise<ExerciseProgressEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(ExerciseProgressEntity, { where: { organizationId, enrolmentId } });
  }

  find(enrolmentId: string, exerciseId: string): Promise<ExerciseProgressEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(ExerciseProgressEntity, { where: { organizationId, enrolmentId, exerciseId } });
  }

  /**
   * Saves progress the participant based on `version` (0: nothing saved yet). False when
   * someone saved in between: the caller answers 409.
   */
  async save(enrolmentId: string, exerciseId: string, week: number, version: number, changes: ProgressChanges): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    if (version === 0) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO program_exercise_progress (id, organization_id, enrolment_id, exercise_id, week, status, answer, finished, checked, done_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (enrolment_id, exercise_id) DO NOTHING RETURNING id`,
        [randomUUID(), organizationId, enrolmentId, exerciseId, week, changes.status, changes.answer ?? '', changes.finished ?? false, changes.checked ?? [], changes.doneAt],
      );
      return inserted.length === 1;
    }
    const result = await manager
      .createQueryBuilder()
      .update(ExerciseProgressEntity)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('organization_id = :organizationId AND enrolment_id = :enrolmentId AND exercise_id = :exerciseId AND version = :version', {
        organizationId,
        enrolmentId,
        exerciseId,
        version,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * Records that an action exercise's rule held, once: a concurrent reader that got there first
   * wins, and a later one changes nothing (done stays done).
   */
  async recordActionDone(enrolmentId: string, exerciseId: string, week: number, at: Date): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const rows: unknown[] = await RequestScope.manager().query(
      `INSERT INTO program_exercise_progress (id, organization_id, enrolment_id, exercise_id, week, status, done_at)
       VALUES ($1, $2, $3, $4, $5, 'done', $6)
       ON CONFLICT (enrolment_id, exercise_id) DO UPDATE SET status = 'done', done_at = EXCLUDED.done_at, version = program_exercise_progress.version + 1, updated_at = now()
         WHERE program_exercise_progress.status <> 'done'
       RETURNING id`,
      [randomUUID(), organizationId, enrolmentId, exerciseId, week, at],
    );
    return rows.length === 1;
  }

  /**
   * Sets the status an upload exercise follows from its image (done with it, open without it),
   * whatever was stored: the image is the evidence. A done exercise keeps its first time.
   */
  async recordUploadStatus(enrolmentId: string, exerciseId: string, week: number, status: ExerciseProgressStatus, at: Date): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query(
      `INSERT INTO program_exercise_progress (id, organization_id, enrolment_id, exercise_id, week, status, done_at)
       VALUES ($1, $2, $3, $4, $5, $6::text, CASE WHEN $6::text = 'done' THEN $7::timestamptz END)
       ON CONFLICT (enrolment_id, exercise_id) DO UPDATE SET status = EXCLUDED.status,
         done_at = CASE WHEN EXCLUDED.status = 'done' THEN COALESCE(program_exercise_progress.done_at, EXCLUDED.done_at) END,
         version = program_exercise_progress.version + 1, updated_at = now()`,
      [randomUUID(), organizationId, enrolmentId, exerciseId, week, status, at],
    );
  }
}

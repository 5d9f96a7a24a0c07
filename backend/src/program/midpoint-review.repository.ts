import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CohortMidpointReviewView, MidpointReviewView } from '@amtsplan/contracts';
import { EntityManager } from 'typeorm';
import { RequestScope } from '../database/request-scope';

interface ReviewRow {
  works: string;
  not_working: string;
  next_steps: string;
  submitted_at: Date | null;
  version: number;
}

export interface ReviewChanges {
  readonly works: string;
  readonly notWorking: string;
  readonly next: string;
  readonly submit: boolean;
}

/** The Zwischenfazit: written in the authority's scope, read by the cohort once submitted. */
@Injectable()
export class MidpointReviewRepository {
  async find(enrolmentId: string): Promise<MidpointReviewView | null> {
    const { organizationId } = RequestScope.organization();
    const [row] = (await RequestScope.manager().query(
      'SELECT works, not_working, next_steps, submitted_at, version FROM program_midpoint_reviews WHERE organization_id = $1 AND enrolment_id = $2',
      [organizationId, enrolmentId],
    )) as ReviewRow[];
    return row ? toView(row) : null;
  }

  /** Saves on `version` (0: first save); a submitted review keeps its first submission time. False when stale. */
  async save(enrolmentId: string, cohortId: string, version: number, changes: ReviewChanges): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const values = [changes.works.trim(), changes.notWorking.trim(), changes.next.trim(), changes.submit];
    if (version === 0) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO program_midpoint_reviews (id, organization_id, enrolment_id, cohort_id, works, not_working, next_steps, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::boolean THEN now() END) ON CONFLICT (enrolment_id) DO NOTHING RETURNING id`,
        [randomUUID(), organizationId, enrolmentId, cohortId, ...values],
      );
      return inserted.length === 1;
    }
    const [, affected] = (await manager.query(
      `UPDATE program_midpoint_reviews SET works = $4, not_working = $5, next_steps = $6,
              submitted_at = CASE WHEN $7::boolean THEN coalesce(submitted_at, now()) END, updated_at = now(), version = version + 1
        WHERE organization_id = $1 AND enrolment_id = $2 AND version = $3`,
      [organizationId, enrolmentId, version, ...values],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Submitted reviews of a cohort (row-level security shows only those to members and the facilitator). */
  async ofCohort(manager: EntityManager, cohortId: string, names: ReadonlyMap<string, { participantName: string; organizationName: string }>): Promise<CohortMidpointReviewView[]> {
    const rows = (await manager.query(
      `SELECT enrolment_id, works, not_working, next_steps, submitted_at, version FROM program_midpoint_reviews
        WHERE cohort_id = $1 AND submitted_at IS NOT NULL ORDER BY submitted_at`,
      [cohortId],
    )) as Array<ReviewRow & { enrolment_id: string }>;
    return rows.flatMap((row) => {
      const member = names.get(row.enrolment_id);
      if (!member) return [];
      const { version: _version, ...view } = toView(row);
      return [{ enrolmentId: row.enrolment_id, ...member, ...view }];
    });
  }
}

function toView(row: ReviewRow): MidpointReviewView {
  return {
    works: row.works,
    notWorking: row.not_working,
    next: row.next_steps,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    version: row.version,
  };
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestScope } from '../database/request-scope';

export interface ExerciseUploadRow {
  readonly id: string;
  readonly organizationId: string;
  readonly enrolmentId: string;
  readonly exerciseId: string;
  readonly storageKey: string;
  readonly contentType: string;
  readonly byteSize: number;
  readonly width: number;
  readonly height: number;
  readonly altText: string;
  readonly createdAt: Date;
  readonly version: number;
}

export type NewExerciseUpload = Pick<ExerciseUploadRow, 'storageKey' | 'contentType' | 'byteSize' | 'width' | 'height' | 'altText'>;

const COLUMNS = 'id, organization_id, enrolment_id, exercise_id, storage_key, content_type, byte_size, width, height, alt_text, created_at, version';

/** Images of upload exercises in the request's organization (tenant policy; only the enrolled person writes). */
@Injectable()
export class ExerciseUploadsRepository {
  async list(enrolmentId: string, exerciseId?: string): Promise<ExerciseUploadRow[]> {
    const { organizationId } = RequestScope.organization();
    const rows: Array<Record<string, unknown>> = await RequestScope.manager().query(
      `SELECT ${COLUMNS} FROM program_exercise_uploads WHERE organization_id = $1 AND enrolment_id = $2 AND ($3::text IS NULL OR exercise_id = $3)`,
      [organizationId, enrolmentId, exerciseId ?? null],
    );
    return rows.map(toRow);
  }

  async find(enrolmentId: string, exerciseId: string): Promise<ExerciseUploadRow | null> {
    return (await this.list(enrolmentId, exerciseId))[0] ?? null;
  }

  /** Takes the row lock of the exercise's upload, so two replacements do not both delete the old file. */
  async lock(enrolmentId: string, exerciseId: string): Promise<ExerciseUploadRow | null> {
    const { organizationId } = RequestScope.organization();
    const rows: Array<Record<string, unknown>> = await RequestScope.manager().query(
      `SELECT ${COLUMNS} FROM program_exercise_uploads WHERE organization_id = $1 AND enrolment_id = $2 AND exercise_id = $3 FOR UPDATE`,
      [organizationId, enrolmentId, exerciseId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The exercise's image, replacing an earlier one (its row; the caller removes its file after the commit). */
  async put(enrolmentId: string, exerciseId: string, upload: NewExerciseUpload, userId: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query(
      `INSERT INTO program_exercise_uploads (id, organization_id, enrolment_id, exercise_id, storage_key, content_type, byte_size, width, height, alt_text, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (enrolment_id, exercise_id) DO UPDATE SET storage_key = EXCLUDED.storage_key, content_type = EXCLUDED.content_type,
         byte_size = EXCLUDED.byte_size, width = EXCLUDED.width, height = EXCLUDED.height, alt_text = EXCLUDED.alt_text,
         created_by_user_id = EXCLUDED.created_by_user_id, created_at = now(), version = program_exercise_uploads.version + 1`,
      [randomUUID(), organizationId, enrolmentId, exerciseId, upload.storageKey, upload.contentType, upload.byteSize, upload.width, upload.height, upload.altText, userId],
    );
  }

  /** False when the version is stale (409). */
  async updateAltText(enrolmentId: string, exerciseId: string, version: number, altText: string): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const [, affected]: [unknown, number] = await RequestScope.manager().query(
      `UPDATE program_exercise_uploads SET alt_text = $5, version = version + 1
        WHERE organization_id = $1 AND enrolment_id = $2 AND exercise_id = $3 AND version = $4`,
      [organizationId, enrolmentId, exerciseId, version, altText],
    );
    return affected === 1;
  }

  async remove(enrolmentId: string, exerciseId: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query(`DELETE FROM program_exercise_uploads WHERE organization_id = $1 AND enrolment_id = $2 AND exercise_id = $3`, [
      organizationId,
      enrolmentId,
      exerciseId,
    ]);
  }
}

function toRow(r: Record<string, unknown>): ExerciseUploadRow {
  return {
    id: r['id'] as string,
    organizationId: r['organization_id'] as string,
    enrolmentId: r['enrolment_id'] as string,
    exerciseId: r['exercise_id'] as string,
    storageKey: r['storage_key'] as string,
    contentType: r['content_type'] as string,
    byteSize: r['byte_size'] as number,
    width: r['width'] as number,
    height: r['height'] as number,
    altText: r['alt_text'] as string,
    createdAt: r['created_at'] as Date,
    version: r['version'] as number,
  };
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestScope } from '../database/request-scope';

export interface ManifestRow {
  readonly text: string;
  readonly version: number;
  readonly signerName: string | null;
  readonly signerFunction: string | null;
  readonly signedAt: Date | null;
  readonly signedText: string | null;
}

/** The Kick-off-Manifest of the request's organization (one row per authority). */
@Injectable()
export class KickoffManifestRepository {
  async find(): Promise<ManifestRow | null> {
    const { organizationId } = RequestScope.organization();
    const [row] = (await RequestScope.manager().query(
      `SELECT text, version, signer_name, signer_function, signed_at, signed_text FROM program_manifests WHERE organization_id = $1`,
      [organizationId],
    )) as { text: string; version: number; signer_name: string | null; signer_function: string | null; signed_at: Date | null; signed_text: string | null }[];
    if (!row) return null;
    return { text: row.text, version: row.version, signerName: row.signer_name, signerFunction: row.signer_function, signedAt: row.signed_at, signedText: row.signed_text };
  }

  async organizationName(): Promise<string> {
    const { organizationId } = RequestScope.organization();
    const [row] = (await RequestScope.manager().query(`SELECT name FROM organizations WHERE id = $1`, [organizationId])) as { name: string }[];
    return row?.name ?? '';
  }

  /**
   * Saves the text based on `version` (0: the template was shown). A changed text drops the
   * signature: it was given for the words as they were. False when someone saved in between.
   */
  async saveText(version: number, text: string): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    if (version === 0) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO program_manifests (id, organization_id, text) VALUES ($1, $2, $3) ON CONFLICT (organization_id) DO NOTHING RETURNING id`,
        [randomUUID(), organizationId, text],
      );
      return inserted.length === 1;
    }
    const [, affected] = (await manager.query(
      `UPDATE program_manifests SET text = $3, updated_at = now(), version = version + 1,
              signed_by_user_id = CASE WHEN signed_text = $3 THEN signed_by_user_id END,
              signer_name = CASE WHEN signed_text = $3 THEN signer_name END,
              signer_function = CASE WHEN signed_text = $3 THEN signer_function END,
              signed_at = CASE WHEN signed_text = $3 THEN signed_at END,
              signed_text = CASE WHEN signed_text = $3 THEN signed_text END
        WHERE organization_id = $1 AND version = $2`,
      [organizationId, version, text],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Signs the stored text as it is at `version`; false when it changed in between. */
  async sign(version: number, signer: { userId: string; name: string; function: string }): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const [, affected] = (await RequestScope.manager().query(
      `UPDATE program_manifests SET signed_by_user_id = $3, signer_name = $4, signer_function = $5, signed_at = now(), signed_text = text,
              updated_at = now(), version = version + 1
        WHERE organization_id = $1 AND version = $2`,
      [organizationId, version, signer.userId, signer.name, signer.function],
    )) as [unknown, number];
    return affected === 1;
  }
}

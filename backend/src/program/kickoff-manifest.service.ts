import { Injectable } from '@nestjs/common';
import type { ManifestSignatureView, ManifestView, SaveManifestRequest, SignManifestRequest } from '@amtsplan/contracts';
import { manifestTemplate, maySignManifest, roleAllows, signatureStillValid } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { KickoffManifestRepository, type ManifestRow } from './kickoff-manifest.repository';

/**
 * The Kick-off-Manifest: the planners write the authority's text (starting from the template),
 * a leadership account (Leitung or Administration) signs it with name, function and time. The
 * signature is shown on the Konzept-Plakat. Both steps are audited; the text is not copied into
 * the audit trail, only its length.
 */
@Injectable()
export class KickoffManifestService {
  constructor(
    private readonly manifests: KickoffManifestRepository,
    private readonly audit: AuditLog,
  ) {}

  async read(): Promise<ManifestView> {
    const row = await this.manifests.find();
    const { role } = RequestScope.organization();
    return {
      text: row?.text ?? manifestTemplate(await this.manifests.organizationName()),
      version: row?.version ?? 0,
      signature: signatureOf(row),
      canSign: maySignManifest(role),
      canEdit: roleAllows(role, 'posts.plan'),
    };
  }

  async save(request: SaveManifestRequest): Promise<ManifestView> {
    const before = await this.manifests.find();
    if (!(await this.manifests.saveText(request.version, request.text.trim()))) throw ProblemException.staleVersion();
    const after = await this.manifests.find();
    await this.audit.recordInOrganization({
      action: 'program.manifest_saved',
      objectType: 'program_manifest',
      details: { length: request.text.trim().length, signatureDropped: signatureOf(before) !== null && signatureOf(after) === null },
    });
    return this.read();
  }

  async sign(signerName: string, request: SignManifestRequest): Promise<ManifestView> {
    const { role, userId } = RequestScope.organization();
    if (!maySignManifest(role)) throw ProblemException.forbidden('Das Manifest unterzeichnet die Leitung (Rolle Leitung oder Administration).');
    let version = request.version;
    if (version === 0) {
      // The template was never saved: signing it stores it first, as it was shown.
      const text = manifestTemplate(await this.manifests.organizationName());
      if (!(await this.manifests.saveText(0, text))) throw ProblemException.staleVersion();
      version = 1;
    }
    if (!(await this.manifests.sign(version, { userId, name: signerName, function: request.function.trim() }))) throw ProblemException.staleVersion();
    await this.audit.recordInOrganization({ action: 'program.manifest_signed', objectType: 'program_manifest', details: { function: request.function.trim() } });
    return this.read();
  }

  /** For the poster: the signature, when it still belongs to the stored text. */
  async signature(): Promise<ManifestSignatureView | null> {
    return signatureOf(await this.manifests.find());
  }
}

function signatureOf(row: ManifestRow | null): ManifestSignatureView | null {
  if (!row || !row.signedAt || !row.signerName || !signatureStillValid(row.text, row.signedText)) return null;
  return { name: row.signerName, function: row.signerFunction ?? '', signedAt: new Date(row.signedAt).toISOString() };
}

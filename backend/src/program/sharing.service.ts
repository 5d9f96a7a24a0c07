import { Injectable } from '@nestjs/common';
import type { CreateShareRequest, SharePreview, ShareSource, ShareView } from '@amtsplan/contracts';
import { anonymiseDraft } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { CohortService } from './cohort.service';
import { CohortSharesRepository } from './cohort-shares.repository';
import { ExerciseProgressRepository } from './exercise-progress.repository';
import { ExerciseUploadsService } from './exercise-uploads.service';
import { ExerciseUploadsRepository } from './exercise-uploads.repository';
import { MediaStorage } from '../media/media-storage';
import { EXTENSION_OF } from '../media/post-media-view';
import { MyProgramService } from './my-program.service';
import { namesToHide, posterSectionText, textBlockText } from './share-copy';
import { ConceptPosterService } from './concept-poster.service';

/**
 * Sharing a result into the cohort: the participant previews exactly what will leave the
 * authority, and the share stores that copy. A post draft is anonymised first (the authority's
 * name, its people's names, addresses, links, handles, phone numbers).
 */
@Injectable()
export class SharingService {
  constructor(
    private readonly program: MyProgramService,
    private readonly progress: ExerciseProgressRepository,
    private readonly shares: CohortSharesRepository,
    private readonly cohorts: CohortService,
    private readonly audit: AuditLog,
    private readonly uploads: ExerciseUploadsService,
    private readonly storage: MediaStorage,
    private readonly uploadRows: ExerciseUploadsRepository,
    private readonly posters: ConceptPosterService,
  ) {}

  async preview(enrolmentId: string, source: ShareSource): Promise<SharePreview> {
    await this.program.ownEnrolment(enrolmentId);
    return this.copyOf(enrolmentId, source);
  }

  async share(enrolmentId: string, request: CreateShareRequest): Promise<ShareView> {
    const { enrolment } = await this.program.ownEnrolment(enrolmentId);
    const copy = await this.copyOf(enrolmentId, request);
    if (copy.body !== request.body) throw ProblemException.conflict('Der Inhalt hat sich seit der Vorschau geändert. Bitte die Vorschau neu laden und prüfen.');
    const { organizationId, userId, tx } = RequestScope.organization();
    const manager = RequestScope.manager();
    const image = request.kind === 'upload' ? await this.imageCopy(enrolmentId, request.exerciseId) : null;
    const id = await this.shares.insertShare(manager, {
      organizationId,
      cohortId: enrolment.cohortId,
      enrolmentId: enrolment.id,
      authorUserId: userId,
      kind: copy.kind,
      exerciseId: request.kind === 'reflection' || request.kind === 'upload' ? request.exerciseId : null,
      title: copy.title,
      body: copy.body,
      imageStorageKey: image?.storageKey ?? null,
      imageContentType: image?.contentType ?? null,
    });
    if (image) tx.afterRollback(() => this.storage.remove(organizationId, image.storageKey));
    await this.audit.recordInOrganization({
      action: 'program.shared',
      objectType: 'program_share',
      objectId: id,
      details: { cohortId: enrolment.cohortId, kind: copy.kind, ...sourceDetails(request) },
    });
    return this.cohorts.visibleShare(manager, enrolment.cohortId, id, userId);
  }

  /**
   * The share's own copy of the image: withdrawing the share deletes it, and replacing or deleting
   * the upload leaves the cohort's copy as shared (like a copied answer).
   */
  private async imageCopy(enrolmentId: string, exerciseId: string): Promise<{ storageKey: string; contentType: string }> {
    const original = await this.uploads.bytes(enrolmentId, exerciseId);
    if (!original) throw ProblemException.unprocessable('Zu dieser Aufgabe gibt es noch kein Bild zum Teilen.');
    const { organizationId } = RequestScope.organization();
    const extension = EXTENSION_OF[original.upload.contentType as keyof typeof EXTENSION_OF];
    const storageKey = await this.storage.save(organizationId, original.bytes, extension);
    return { storageKey, contentType: original.upload.contentType };
  }

  private async copyOf(enrolmentId: string, source: ShareSource): Promise<SharePreview> {
    if (source.kind === 'poster_section') {
      // Composed exactly as the poster page shows it: the answers (with their questions) and the live facts.
      const poster = await this.posters.poster(enrolmentId);
      const section = poster.sections.find((candidate) => candidate.section === source.section);
      if (!section || section.answers.length === 0) throw ProblemException.validation([{ path: 'section', message: 'Dieser Abschnitt des Plakats ist noch leer: Geteilt wird erst, was Sie dafür geschrieben haben.' }]);
      return { kind: 'poster_section', title: `Konzept-Plakat: ${section.title}`, body: posterSectionText(section) };
    }
    if (source.kind === 'text_block') {
      const { organizationId } = RequestScope.organization();
      const [block]: Array<{ title: string | null; body_sie: string | null; body_du: string | null }> = await RequestScope.manager().query(
        `SELECT v.title, v.body_sie, v.body_du FROM text_blocks b LEFT JOIN text_block_versions v ON v.id = b.approved_version_id AND v.organization_id = b.organization_id
          WHERE b.id = $1 AND b.organization_id = $2`,
        [source.textBlockId, organizationId],
      );
      if (!block) throw ProblemException.notFound();
      if (block.title === null) throw ProblemException.validation([{ path: 'textBlockId', message: 'Dieser Textbaustein hat noch keine freigegebene Fassung. Geteilt wird nur die freigegebene Fassung.' }]);
      return { kind: 'text_block', title: `Textbaustein: ${block.title}`, body: textBlockText(block.body_sie, block.body_du) };
    }
    if (source.kind === 'upload') {
      const { week, exercise } = await this.program.openExercise(enrolmentId, source.exerciseId, 'upload');
      const upload = await this.uploadRows.find(enrolmentId, exercise.id);
      if (!upload) throw ProblemException.unprocessable('Zu dieser Aufgabe gibt es noch kein Bild zum Teilen.');
      // The alt text travels with the image: peers see both.
      return { kind: 'upload', title: `Woche ${week.week}: ${exercise.title}`, body: upload.altText };
    }
    if (source.kind === 'reflection') {
      const { week, exercise } = await this.program.openExercise(enrolmentId, source.exerciseId, 'reflection');
      const answer = (await this.progress.find(enrolmentId, exercise.id))?.answer.trim() ?? '';
      if (!answer) throw ProblemException.unprocessable('Zu dieser Aufgabe gibt es noch keine Antwort zum Teilen.');
      return { kind: 'reflection', title: `Woche ${week.week}: ${exercise.title}`, body: answer };
    }
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const [post]: Array<{ working_title: string; text: string }> = await manager.query('SELECT working_title, text FROM posts WHERE id = $1 AND organization_id = $2', [
      source.postId,
      organizationId,
    ]);
    if (!post) throw ProblemException.notFound();
    const [organization]: Array<{ name: string }> = await manager.query('SELECT name FROM organizations WHERE id = $1', [organizationId]);
    const people: Array<{ display_name: string }> = await manager.query(
      'SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1',
      [organizationId],
    );
    const names = namesToHide(organization?.name ?? '', people.map((p) => p.display_name), source.names ?? []);
    return { kind: 'post_draft', title: anonymiseDraft(post.working_title, { names }), body: anonymiseDraft(post.text, { names }) };
  }
}

function sourceDetails(request: CreateShareRequest): Record<string, string> {
  switch (request.kind) {
    case 'post_draft':
      return { postId: request.postId };
    case 'poster_section':
      return { section: request.section };
    case 'text_block':
      return { textBlockId: request.textBlockId };
    default:
      return { exerciseId: request.exerciseId };
  }
}

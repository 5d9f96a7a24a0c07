import { Injectable } from '@nestjs/common';
import type { PosterView } from '@amtsplan/contracts';
import { composePoster } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { CurriculumCatalogue } from './curriculum-catalogue';
import { ExerciseProgressRepository } from './exercise-progress.repository';
import { ExerciseUploadsRepository } from './exercise-uploads.repository';
import { ExerciseUploadsService } from './exercise-uploads.service';
import { KickoffManifestRepository } from './kickoff-manifest.repository';
import { KickoffManifestService } from './kickoff-manifest.service';
import { MyProgramService } from './my-program.service';
import { posterImage } from './poster-images';
import { renderPosterPdf } from './poster-pdf';
import { renderPosterSlidesPdf } from './poster-slides-pdf';
import { PosterFactsRepository } from './poster-facts.repository';
import { ProgramSnapshotRepository } from './program-snapshot.repository';

export interface PosterFile {
  readonly content: Buffer;
  readonly fileName: string;
}

/**
 * The Konzept-Plakat of one enrolment: the participant's reflection answers (written, finished or
 * not: the poster shows the concept as it grows) with facts from the authority's live data and
 * the leadership's signature under the manifest. Only the enrolled person reads it (404 else).
 */
@Injectable()
export class ConceptPosterService {
  constructor(
    private readonly program: MyProgramService,
    private readonly progress: ExerciseProgressRepository,
    private readonly catalogue: CurriculumCatalogue,
    private readonly snapshots: ProgramSnapshotRepository,
    private readonly facts: PosterFactsRepository,
    private readonly manifest: KickoffManifestService,
    private readonly manifests: KickoffManifestRepository,
    private readonly audit: AuditLog,
    private readonly uploads: ExerciseUploadsRepository,
    private readonly uploadFiles: ExerciseUploadsService,
  ) {}

  async poster(enrolmentId: string): Promise<PosterView> {
    const { enrolment, run } = await this.program.ownEnrolment(enrolmentId);
    const rows = await this.progress.list(enrolment.id);
    const answers = rows.filter((r) => r.answer.trim()).map((r) => ({ exerciseId: r.exerciseId, text: r.answer }));
    const facts = await this.facts.facts(await this.snapshots.snapshot(new Date()));
    const images = (await this.uploads.list(enrolment.id)).map((u) => ({ exerciseId: u.exerciseId, altText: u.altText, version: u.version }));
    const composed = composePoster(this.catalogue.current, answers, facts, images);
    return {
      organizationName: await this.manifests.organizationName(),
      cohortId: enrolment.cohortId,
      runName: run.name,
      sections: composed.sections.map((s) => ({ ...s, answers: [...s.answers], facts: [...s.facts], images: [...s.images] })),
      filledCount: composed.filledCount,
      manifest: await this.manifest.signature(),
    };
  }

  /** The poster as an A1 PDF (594 × 841 mm) or as a short landscape slide deck. */
  async export(enrolmentId: string, format: 'a1' | 'slides'): Promise<PosterFile> {
    const poster = await this.poster(enrolmentId);
    const content = format === 'a1' ? await renderPosterPdf(poster, { images: await this.posterImages(enrolmentId, poster) }) : await renderPosterSlidesPdf(poster);
    await this.audit.recordInOrganization({ action: 'program.poster_exported', objectType: 'program_enrolment', objectId: enrolmentId, details: { format, filledSections: poster.filledCount } });
    const name = format === 'a1' ? 'konzept-plakat-a1' : 'konzept-praesentation';
    return { content, fileName: `${name}.pdf` };
  }

  /** The uploaded graphics for the A1 poster; a file that is gone or unreadable leaves its alt text alone on the poster. */
  private async posterImages(enrolmentId: string, poster: PosterView): Promise<Map<string, Buffer>> {
    const images = new Map<string, Buffer>();
    for (const image of poster.sections.flatMap((section) => section.images)) {
      const file = await this.uploadFiles.bytes(enrolmentId, image.exerciseId);
      if (!file) continue;
      try {
        images.set(image.exerciseId, await posterImage(file.bytes));
      } catch {
        // Checked on upload; should a stored file no longer decode, the poster still prints.
      }
    }
    return images;
  }
}

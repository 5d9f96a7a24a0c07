import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { CohortController } from './cohort.controller';
import { CohortService } from './cohort.service';
import { CohortCalendarService } from './cohort-calendar.service';
import { CohortSharesRepository } from './cohort-shares.repository';
import { SharingService } from './sharing.service';
import { CurriculumCatalogue } from './curriculum-catalogue';
import { CurriculumController } from './curriculum.controller';
import { ConceptPosterController } from './concept-poster.controller';
import { ConceptPosterService } from './concept-poster.service';
import { KickoffManifestController } from './kickoff-manifest.controller';
import { MidpointReviewController } from './midpoint-review.controller';
import { MidpointReviewRepository } from './midpoint-review.repository';
import { MidpointReviewService } from './midpoint-review.service';
import { KickoffManifestRepository } from './kickoff-manifest.repository';
import { KickoffManifestService } from './kickoff-manifest.service';
import { PosterFactsRepository } from './poster-facts.repository';
import { FacilitationController } from './facilitation.controller';
import { FacilitationService } from './facilitation.service';
import { ExerciseProgressRepository } from './exercise-progress.repository';
import { MyProgramController } from './my-program.controller';
import { MyProgramService } from './my-program.service';
import { ProgramSnapshotRepository } from './program-snapshot.repository';
import { ProgramRunsRepository } from './program-runs.repository';
import { ExerciseUploadsController } from './exercise-uploads.controller';
import { ExerciseUploadsRepository } from './exercise-uploads.repository';
import { ExerciseUploadsService } from './exercise-uploads.service';
import { MediaStorage } from '../media/media-storage';

export const PROGRAM_CONTROLLERS = [CurriculumController, FacilitationController, MyProgramController, CohortController, KickoffManifestController, ConceptPosterController, MidpointReviewController, ExerciseUploadsController];

/** The 12-week learning program: its content, runs and cohorts, participants' progress and sharing. */
@Module({
  imports: [CoreModule],
  controllers: PROGRAM_CONTROLLERS,
  providers: [CurriculumCatalogue, ProgramRunsRepository, FacilitationService, ExerciseProgressRepository, ProgramSnapshotRepository, MyProgramService, CohortSharesRepository, CohortService, CohortCalendarService, SharingService, KickoffManifestRepository, KickoffManifestService, PosterFactsRepository, ConceptPosterService, MidpointReviewRepository, MidpointReviewService, ExerciseUploadsRepository, ExerciseUploadsService, MediaStorage],
  exports: [CurriculumCatalogue],
})
export class ProgramModule {}

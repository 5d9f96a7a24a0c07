import type { Routes } from '@angular/router';
import { pageTitle } from '../shared/routing/page-title';
import { CohortPage } from './cohort/cohort-page';
import { ManifestPage } from './manifest/manifest-page';
import { MidpointReviewPage } from './midpoint/midpoint-review-page';
import { MyProgramPage } from './my-program-page';
import { PosterPage } from './poster/poster-page';

export const programRoutes: Routes = [
  { path: '', component: MyProgramPage },
  { path: 'gruppe/:cohortId', title: pageTitle('program.cohortPage.heading'), component: CohortPage },
  { path: 'plakat/:enrolmentId', title: pageTitle('program.poster.heading'), component: PosterPage },
  { path: 'zwischenfazit/:enrolmentId', title: pageTitle('program.midpoint.heading'), component: MidpointReviewPage },
  { path: 'manifest', title: pageTitle('program.manifest.heading'), component: ManifestPage },
];

import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { NotifierModule } from '../notifications/notifier.module';
import { CrisisDetectionHandler, CrisisDetectionSchedule, CrisisDetectionSweepHandler } from './crisis-detection.handler';
import { CrisisDetectionJobs } from './crisis-detection-jobs';
import { CrisisDetector } from './crisis-detector';

export const CRISIS_DETECTION_HANDLERS = [CrisisDetectionHandler, CrisisDetectionSweepHandler];

/** The worker side of the Krisenmodus: the shitstorm detection over the inbox (decision 0021). */
@Module({
  imports: [CoreModule, NotifierModule],
  providers: [CrisisDetector, CrisisDetectionJobs, CrisisDetectionSchedule, ...CRISIS_DETECTION_HANDLERS],
  exports: [...CRISIS_DETECTION_HANDLERS, CrisisDetector],
})
export class CrisisDetectionWorkerModule {}

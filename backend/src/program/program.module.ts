import { Module } from '@nestjs/common';
import { CurriculumCatalogue } from './curriculum-catalogue';
import { CurriculumController } from './curriculum.controller';

export const PROGRAM_CONTROLLERS = [CurriculumController];

/** The 12-week learning program. So far: its content, checked at start-up and served read-only. */
@Module({
  controllers: PROGRAM_CONTROLLERS,
  providers: [CurriculumCatalogue],
  exports: [CurriculumCatalogue],
})
export class ProgramModule {}

import { Injectable } from '@nestjs/common';
import type { Curriculum } from '@amtsplan/domain';
import { loadCurriculum } from './curriculum-files';

/**
 * The curriculum, read and checked once when the process starts: broken content stops the start
 * with every problem named, instead of surfacing as an error in week 9 of a running program.
 */
@Injectable()
export class CurriculumCatalogue {
  readonly current: Curriculum = loadCurriculum();
}

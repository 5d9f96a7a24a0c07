import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CurriculumView } from '@amtsplan/contracts';
import { CurriculumCatalogue } from './curriculum-catalogue';

/** The learning program's content; the same for every authority, so any signed-in person may read it. */
@ApiTags('program')
@Controller('program/curriculum')
export class CurriculumController {
  constructor(private readonly catalogue: CurriculumCatalogue) {}

  @Get()
  current(): CurriculumView {
    return this.catalogue.current;
  }
}

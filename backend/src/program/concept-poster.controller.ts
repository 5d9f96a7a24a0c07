import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PosterView } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ConceptPosterService, type PosterFile } from './concept-poster.service';

const enrolmentId = new ParseUUIDPipe(notFoundOnBadUuid);

/** The participant's Konzept-Plakat: as data for the poster page, as an A1 PDF and as slides. */
@ApiTags('program')
@Controller('orgs/:orgId/program/enrolments/:enrolmentId')
export class ConceptPosterController {
  constructor(private readonly posters: ConceptPosterService) {}

  @Get('poster')
  @RequirePermission('organization.read')
  poster(@Param('enrolmentId', enrolmentId) id: string): Promise<PosterView> {
    return this.posters.poster(id);
  }

  @Get('poster.pdf')
  @RequirePermission('organization.read')
  @ApiProduces('application/pdf')
  async posterPdf(@Param('enrolmentId', enrolmentId) id: string): Promise<StreamableFile> {
    return pdf(await this.posters.export(id, 'a1'));
  }

  @Get('poster-slides.pdf')
  @RequirePermission('organization.read')
  @ApiProduces('application/pdf')
  async slidesPdf(@Param('enrolmentId', enrolmentId) id: string): Promise<StreamableFile> {
    return pdf(await this.posters.export(id, 'slides'));
  }
}

function pdf(file: PosterFile): StreamableFile {
  return new StreamableFile(file.content, { type: 'application/pdf', disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
}

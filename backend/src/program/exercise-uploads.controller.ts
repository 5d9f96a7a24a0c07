import { Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ALT_TEXT_MAX_LENGTH, type ExerciseProgressView, UpdateExerciseUploadRequest } from '@amtsplan/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { FILE_HEADERS } from '../media/post-media.controller';
import { EXTENSION_OF } from '../media/post-media-view';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ExerciseUploadsService } from './exercise-uploads.service';

const enrolmentId = new ParseUUIDPipe(notFoundOnBadUuid);

/** The image of an upload exercise: only the enrolled person, inside the authority they take part for. */
@ApiTags('program')
@Controller('orgs/:orgId/program/enrolments/:enrolmentId/exercises/:exerciseId/upload')
export class ExerciseUploadsController {
  constructor(private readonly uploads: ExerciseUploadsService) {}

  /** Uploads the image, replacing an earlier one; the field `altText` comes before the file. */
  @Post()
  @RequirePermission('organization.read')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['altText', 'file'],
      properties: {
        altText: { type: 'string', maxLength: ALT_TEXT_MAX_LENGTH, description: 'Vor der Datei senden' },
        file: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP oder GIF' },
      },
    },
  })
  upload(@Param('enrolmentId', enrolmentId) id: string, @Param('exerciseId') exerciseId: string, @Req() request: FastifyRequest): Promise<ExerciseProgressView> {
    return this.uploads.upload(id, exerciseId, request);
  }

  @Patch()
  @RequirePermission('organization.read')
  @BodySchema(UpdateExerciseUploadRequest)
  updateAltText(
    @Param('enrolmentId', enrolmentId) id: string,
    @Param('exerciseId') exerciseId: string,
    @ValidBody(UpdateExerciseUploadRequest) body: UpdateExerciseUploadRequest,
  ): Promise<ExerciseProgressView> {
    return this.uploads.updateAltText(id, exerciseId, body);
  }

  @Delete()
  @RequirePermission('organization.read')
  remove(@Param('enrolmentId', enrolmentId) id: string, @Param('exerciseId') exerciseId: string): Promise<ExerciseProgressView> {
    return this.uploads.remove(id, exerciseId);
  }

  @Get('file')
  @RequirePermission('organization.read')
  async file(@Param('enrolmentId', enrolmentId) id: string, @Param('exerciseId') exerciseId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { upload, file, size } = await this.uploads.file(id, exerciseId);
    void reply.headers(FILE_HEADERS);
    return new StreamableFile(file.createReadStream(), {
      type: upload.contentType,
      length: size,
      disposition: `inline; filename="bild-${upload.id}.${EXTENSION_OF[upload.contentType as keyof typeof EXTENSION_OF]}"`,
    });
  }
}

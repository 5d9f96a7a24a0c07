import { Inject, Injectable } from '@nestjs/common';
import type { ExerciseProgressView, UpdateExerciseUploadRequest } from '@amtsplan/contracts';
import { exerciseProgress } from '@amtsplan/domain';
import type { FastifyRequest } from 'fastify';
import type { FileHandle } from 'node:fs/promises';
import { AuditLog } from '../audit/audit-log';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { cleanImage } from '../media/image-cleaning';
import { receiveImageUpload } from '../media/image-upload';
import { MediaStorage } from '../media/media-storage';
import { ExerciseProgressRepository } from './exercise-progress.repository';
import { type ExerciseUploadRow, ExerciseUploadsRepository } from './exercise-uploads.repository';
import { MyProgramService } from './my-program.service';

/**
 * The image of an upload exercise (e.g. a graphic made with Canva), through the same pipeline as
 * post images (decision 0010): decided by decoding, re-encoded without metadata, size-limited,
 * stored under a server-generated name outside the web root. One image per exercise; a new upload
 * replaces it. The image with its alt text is the evidence: with it the exercise is done.
 */
@Injectable()
export class ExerciseUploadsService {
  constructor(
    private readonly program: MyProgramService,
    private readonly progress: ExerciseProgressRepository,
    private readonly uploads: ExerciseUploadsRepository,
    private readonly storage: MediaStorage,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(enrolmentId: string, exerciseId: string, request: FastifyRequest): Promise<ExerciseProgressView> {
    const { participant, week, exercise } = await this.program.openExercise(enrolmentId, exerciseId, 'upload');
    const received = await receiveImageUpload(request, this.config.mediaMaxBytes);
    const image = await cleanImage(received.bytes);

    const { organizationId, userId, tx } = RequestScope.organization();
    const previous = await this.uploads.lock(enrolmentId, exerciseId);
    const storageKey = await this.storage.save(organizationId, image.bytes, image.extension);
    tx.afterRollback(() => this.storage.remove(organizationId, storageKey));
    await this.uploads.put(enrolmentId, exerciseId, { storageKey, contentType: image.contentType, byteSize: image.bytes.length, width: image.width, height: image.height, altText: received.altText }, userId);
    // The replaced file goes only once its row is replaced for good.
    if (previous) tx.afterCommit(() => this.storage.remove(organizationId, previous.storageKey));
    const status = exerciseProgress(exercise, { kind: 'upload', hasFile: true, altText: received.altText }).status;
    await this.progress.recordUploadStatus(enrolmentId, exerciseId, week.week, status, new Date());
    await this.audit.recordInOrganization({
      action: 'program.upload_saved',
      objectType: 'program_enrolment',
      objectId: participant.enrolment.id,
      details: { exerciseId, contentType: image.contentType, byteSize: image.bytes.length, replaced: previous !== null },
    });
    return this.program.exerciseProgressView(enrolmentId, exercise);
  }

  async updateAltText(enrolmentId: string, exerciseId: string, request: UpdateExerciseUploadRequest): Promise<ExerciseProgressView> {
    const { participant, exercise } = await this.program.openExercise(enrolmentId, exerciseId, 'upload');
    await this.existing(enrolmentId, exerciseId);
    if (!(await this.uploads.updateAltText(enrolmentId, exerciseId, request.version, request.altText.trim()))) throw ProblemException.staleVersion();
    await this.audit.recordInOrganization({ action: 'program.upload_saved', objectType: 'program_enrolment', objectId: participant.enrolment.id, details: { exerciseId, altTextOnly: true } });
    return this.program.exerciseProgressView(enrolmentId, exercise);
  }

  async remove(enrolmentId: string, exerciseId: string): Promise<ExerciseProgressView> {
    const { participant, week, exercise } = await this.program.openExercise(enrolmentId, exerciseId, 'upload');
    const upload = await this.uploads.lock(enrolmentId, exerciseId);
    if (!upload) throw ProblemException.notFound();
    await this.uploads.remove(enrolmentId, exerciseId);
    await this.progress.recordUploadStatus(enrolmentId, exerciseId, week.week, 'open', new Date());
    await this.audit.recordInOrganization({ action: 'program.upload_removed', objectType: 'program_enrolment', objectId: participant.enrolment.id, details: { exerciseId } });
    const { tx } = RequestScope.organization();
    tx.afterCommit(() => this.storage.remove(upload.organizationId, upload.storageKey));
    return this.program.exerciseProgressView(enrolmentId, exercise);
  }

  /** The stored image and its open file, for the enrolled person only; 404 otherwise. */
  async file(enrolmentId: string, exerciseId: string): Promise<{ upload: ExerciseUploadRow; file: FileHandle; size: number }> {
    await this.program.ownEnrolment(enrolmentId);
    const upload = await this.existing(enrolmentId, exerciseId);
    const file = await this.storage.open(upload.organizationId, upload.storageKey);
    if (!file) throw ProblemException.notFound('Die Bilddatei ist nicht mehr vorhanden.');
    try {
      return { upload, file, size: (await file.stat()).size };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** The bytes of the exercise's image, for a share's own copy. */
  async bytes(enrolmentId: string, exerciseId: string): Promise<{ upload: ExerciseUploadRow; bytes: Buffer } | null> {
    const upload = await this.uploads.find(enrolmentId, exerciseId);
    if (!upload) return null;
    const file = await this.storage.open(upload.organizationId, upload.storageKey);
    if (!file) return null;
    try {
      return { upload, bytes: await file.readFile() };
    } finally {
      await file.close();
    }
  }

  private async existing(enrolmentId: string, exerciseId: string): Promise<ExerciseUploadRow> {
    const upload = await this.uploads.find(enrolmentId, exerciseId);
    if (!upload) throw ProblemException.notFound();
    return upload;
  }
}

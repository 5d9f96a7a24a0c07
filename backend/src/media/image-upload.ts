import type { MultipartFields, MultipartFile } from '@fastify/multipart';
import { UploadPostMediaFields } from '@amtsplan/contracts';
import type { FastifyRequest } from 'fastify';
import { finished } from 'node:stream/promises';
import { ProblemException } from '../http/problem.exception';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { UploadProblems } from './upload-problems';

const uploadFields = new ZodValidationPipe(UploadPostMediaFields);

/**
 * Reads one image upload (decision 0010): the field `altText` first, then the file `file`, within
 * the size limit; multipart errors become German problem details. The bytes are not checked here:
 * `cleanImage` decides by decoding them. Used by post images and the program's upload exercises.
 */
export async function receiveImageUpload(request: FastifyRequest, maxBytes: number): Promise<{ altText: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw UploadProblems.notMultipart();
  try {
    const file = await request.file({ limits: { fileSize: maxBytes } });
    if (!file || file.fieldname !== 'file') {
      if (file) await discard(file);
      throw UploadProblems.noFile();
    }
    let fields: UploadPostMediaFields;
    try {
      fields = uploadFields.transform({ altText: fieldValue(file.fields, 'altText') ?? '' });
    } catch (error) {
      await discard(file);
      throw error;
    }
    return { altText: fields.altText, bytes: await file.toBuffer() };
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    throw UploadProblems.fromMultipartError(error, maxBytes) ?? error;
  }
}

/** A text field sent before the file (the contract puts `altText` first). */
function fieldValue(fields: MultipartFields, name: string): string | undefined {
  const part = fields[name];
  return part && !Array.isArray(part) && part.type === 'field' && typeof part.value === 'string' ? part.value : undefined;
}

/** Reads a refused upload to its end, so the client gets to read the answer instead of a reset connection. */
async function discard(file: MultipartFile): Promise<void> {
  file.file.resume();
  await finished(file.file).catch(() => undefined);
}

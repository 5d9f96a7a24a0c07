import type { FastifyRequest } from 'fastify';
// Brings the multipart methods (isMultipart, parts) into FastifyRequest's type.
import type {} from '@fastify/multipart';
import { ProblemException } from '../http/problem.exception';
import { ImportFileProblem } from './import-file-errors';

export interface ImportUpload {
  readonly content: Buffer;
  /** Text fields of the form, in any order before or after the file. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The file `file` and the text fields of a multipart request, the file within `maxBytes`. */
export async function receiveImportUpload(request: FastifyRequest, maxBytes: number): Promise<ImportUpload> {
  if (!request.isMultipart()) throw ImportFileProblem.notMultipart();
  let content: Buffer | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        // Read every file part to its end, or the request would stall.
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') content = bytes;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    throw ImportFileProblem.fromMultipartError(error, maxBytes) ?? error;
  }
  if (!content) throw ImportFileProblem.noFile();
  return { content, fields };
}

import { ProblemType } from '@amtsplan/contracts';
import { ProblemException } from '../http/problem.exception';

/** Megabytes as people read them in a German message: 5 242 880 bytes → "5". */
function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 });
}

/** Refusals of an uploaded plan file, in German, as problem details. */
export const ImportFileProblem = {
  unsupported(detail: string): ProblemException {
    return new ProblemException({ type: ProblemType.validation, title: 'Dateiformat nicht unterstützt', status: 415, detail });
  },

  unreadable(detail: string): ProblemException {
    return new ProblemException({ type: ProblemType.validation, title: 'Datei nicht lesbar', status: 422, detail });
  },

  notMultipart(): ProblemException {
    return ImportFileProblem.unsupported('Bitte die Datei als Formular-Upload (multipart/form-data) im Feld „file“ senden.');
  },

  noFile(): ProblemException {
    return ProblemException.validation([{ path: 'file', message: 'Bitte eine Excel- oder CSV-Datei auswählen' }]);
  },

  tooLarge(maxBytes: number): ProblemException {
    return new ProblemException({
      type: ProblemType.payloadTooLarge,
      title: 'Datei zu groß',
      status: 413,
      detail: `Die Datei ist größer als ${megabytes(maxBytes)} MB. Bitte den Plan aufteilen.`,
    });
  },

  incomplete(): ProblemException {
    return ProblemException.validation([{ path: 'file', message: 'Die Übertragung ist unvollständig. Bitte erneut hochladen.' }]);
  },

  /** What @fastify/multipart and busboy throw while reading, as problem details; null for anything else. */
  fromMultipartError(error: unknown, maxBytes: number): ProblemException | null {
    switch ((error as { code?: unknown } | null)?.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return ImportFileProblem.tooLarge(maxBytes);
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return ImportFileProblem.notMultipart();
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return ProblemException.validation([{ path: 'file', message: 'Bitte genau eine Datei senden' }]);
      case 'FST_PROTO_VIOLATION':
      case 'FST_MP_PREMATURE_CLOSE':
        return ImportFileProblem.incomplete();
    }
    if (error instanceof Error && /multipart|boundary|unexpected end of form|terminated early/i.test(error.message)) return ImportFileProblem.incomplete();
    return null;
  },
};

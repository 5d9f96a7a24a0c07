import { IMAGE_MAX_MEGAPIXELS, MAX_IMAGES_PER_POST, ProblemType } from '@amtsplan/contracts';
import { ProblemException } from '../http/problem.exception';

/** Megabytes as people read them in a German message: 10 485 760 bytes → "10", 524 288 → "0,5". */
export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 });
}

/** Refusals of an image upload, in German, as problem details. */
export const UploadProblems = {
  unsupportedFormat(): ProblemException {
    return new ProblemException({
      type: ProblemType.unsupportedMediaType,
      title: 'Dateiformat nicht unterstützt',
      status: 415,
      detail: 'Die Datei ist kein Bild im Format JPEG, PNG, WebP oder GIF. Maßgeblich ist der Inhalt der Datei, nicht ihr Name.',
    });
  },

  unreadableImage(): ProblemException {
    return new ProblemException({
      type: ProblemType.unsupportedMediaType,
      title: 'Bild nicht lesbar',
      status: 415,
      detail: 'Die Bilddatei ist beschädigt oder unvollständig und kann nicht gelesen werden.',
    });
  },

  notMultipart(): ProblemException {
    return new ProblemException({
      type: ProblemType.unsupportedMediaType,
      title: 'Falscher Inhaltstyp',
      status: 415,
      detail: 'Bitte das Bild als Formular-Upload (multipart/form-data) senden.',
    });
  },

  tooLarge(maxBytes: number): ProblemException {
    return new ProblemException({
      type: ProblemType.payloadTooLarge,
      title: 'Datei zu groß',
      status: 413,
      detail: `Die Datei ist größer als ${megabytes(maxBytes)} MB. Bitte ein kleineres Bild hochladen.`,
    });
  },

  tooManyPixels(): ProblemException {
    return ProblemException.unprocessable(
      `Das Bild ist größer als ${IMAGE_MAX_MEGAPIXELS} Megapixel. Bitte verkleinern und erneut hochladen.`,
    );
  },

  tooManyImages(): ProblemException {
    return ProblemException.unprocessable(`Ein Beitrag kann höchstens ${MAX_IMAGES_PER_POST} Bilder haben.`);
  },

  noFile(): ProblemException {
    return ProblemException.validation([{ path: 'file', message: 'Bitte eine Bilddatei auswählen' }]);
  },

  incomplete(): ProblemException {
    return ProblemException.validation([{ path: 'file', message: 'Die Übertragung ist unvollständig. Bitte erneut hochladen.' }]);
  },

  /**
   * What @fastify/multipart and its parser throw while a request is read, as problem details;
   * anything else is not an upload problem and is rethrown by the caller.
   */
  fromMultipartError(error: unknown, maxBytes: number): ProblemException | null {
    const code = (error as { code?: unknown } | null)?.code;
    switch (code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return UploadProblems.tooLarge(maxBytes);
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return UploadProblems.notMultipart();
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return ProblemException.validation([{ path: 'file', message: 'Bitte genau ein Bild mit seinem Alternativtext senden' }]);
      case 'FST_PROTO_VIOLATION':
      case 'FST_INVALID_JSON_FIELD_ERROR':
      case 'FST_MP_PREMATURE_CLOSE':
        return UploadProblems.incomplete();
    }
    // busboy reports a malformed body (no boundary, cut off mid-part) as a plain Error.
    if (error instanceof Error && /multipart|boundary|unexpected end of form|terminated early/i.test(error.message)) return UploadProblems.incomplete();
    return null;
  },
};

import { FieldError, ProblemDetails, ProblemType } from '@amtsplan/contracts';

/** An error the API answers as RFC 9457 problem details. Texts are German: the UI shows them. */
export class ProblemException extends Error {
  constructor(readonly problem: ProblemDetails, readonly headers: Record<string, string> = {}) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }

  static validation(errors: readonly FieldError[]): ProblemException {
    return new ProblemException({
      type: ProblemType.validation,
      title: 'Ungültige Eingabe',
      status: 400,
      detail: 'Bitte die markierten Felder prüfen.',
      errors,
    });
  }

  /** Also used for objects of other organizations: their existence is not revealed. */
  static notFound(detail = 'Nicht gefunden.'): ProblemException {
    return new ProblemException({ type: ProblemType.notFound, title: 'Nicht gefunden', status: 404, detail });
  }

  static forbidden(detail = 'Dafür fehlt Ihnen die Berechtigung.'): ProblemException {
    return new ProblemException({ type: ProblemType.forbidden, title: 'Keine Berechtigung', status: 403, detail });
  }

  static unauthenticated(detail = 'Bitte melden Sie sich an.'): ProblemException {
    return new ProblemException({ type: ProblemType.unauthenticated, title: 'Nicht angemeldet', status: 401, detail });
  }

  static conflict(detail: string): ProblemException {
    return new ProblemException({ type: ProblemType.conflict, title: 'Konflikt', status: 409, detail });
  }

  static staleVersion(): ProblemException {
    return new ProblemException({
      type: ProblemType.staleVersion,
      title: 'Zwischenzeitlich geändert',
      status: 409,
      detail: 'Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte neu laden.',
    });
  }

  static unprocessable(detail: string): ProblemException {
    return new ProblemException({ type: ProblemType.conflict, title: 'Nicht möglich', status: 422, detail });
  }

  static tooManyRequests(retryAfterSeconds: number): ProblemException {
    return new ProblemException(
      {
        type: ProblemType.tooManyRequests,
        title: 'Zu viele Versuche',
        status: 429,
        detail: `Zu viele Anmeldeversuche. Bitte in ${Math.ceil(retryAfterSeconds / 60)} Minuten erneut versuchen.`,
      },
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
}

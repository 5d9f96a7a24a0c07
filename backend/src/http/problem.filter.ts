import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemType } from '@amtsplan/contracts';
import type { FastifyReply } from 'fastify';
import { StaleVersionError } from '../database/stale-version.error';
import { ProblemException } from './problem.exception';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
}

/** Turns every error into problem+json; never leaks a stack trace or an SQL message. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, headers } = this.toProblem(error);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    void reply.status(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(error: unknown): { problem: ProblemDetails; headers: Record<string, string> } {
    if (error instanceof ProblemException) return { problem: error.problem, headers: error.headers };
    if (error instanceof StaleVersionError) return { problem: ProblemException.staleVersion().problem, headers: {} };
    const fastifyError = error as FastifyLikeError;
    const status = error instanceof HttpException ? error.getStatus() : fastifyError?.statusCode;
    if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
      return plain({ type: ProblemType.payloadTooLarge, title: 'Anfrage zu groß', status: 413, detail: 'Die Anfrage überschreitet die zulässige Größe.' });
    }
    if (fastifyError?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return plain({ type: ProblemType.validation, title: 'Falscher Inhaltstyp', status: 415, detail: 'Bitte JSON senden.' });
    }
    if (fastifyError?.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) {
      return plain({ type: ProblemType.validation, title: 'Ungültige Eingabe', status: 400, detail: 'Der Inhalt der Anfrage ist kein gültiges JSON.' });
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) return plain(ProblemException.notFound().problem);
      if (status === 403) return plain(ProblemException.forbidden().problem);
      if (status === 401) return plain(ProblemException.unauthenticated().problem);
      return plain({ type: ProblemType.validation, title: 'Anfrage nicht möglich', status, detail: error.message });
    }
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return plain({ type: ProblemType.validation, title: 'Anfrage nicht möglich', status: fastifyError.statusCode });
    }
    return plain({ type: ProblemType.internal, title: 'Interner Fehler', status: 500, detail: 'Ein unerwarteter Fehler ist aufgetreten.' });
  }
}

function plain(problem: ProblemDetails) {
  return { problem, headers: {} };
}

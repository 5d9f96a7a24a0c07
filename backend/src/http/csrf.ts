import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, ProblemType, PROBLEM_CONTENT_TYPE } from '@amtsplan/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF protection (Angular's XSRF-TOKEN convention) plus an Origin check.
 * The session cookie is also SameSite=Strict; this is the second, independent layer.
 */
export function registerCsrfProtection(app: FastifyInstance, options: { appOrigin: string; secureCookies: boolean }): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const cookieToken = request.cookies[CSRF_COOKIE];
    if (!cookieToken) {
      void reply.setCookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), {
        path: '/',
        sameSite: 'strict',
        secure: options.secureCookies,
        httpOnly: false,
      });
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    const headerToken = request.headers[CSRF_HEADER];
    const sameOrigin = origin === undefined || origin === options.appOrigin;
    if (sameOrigin && typeof headerToken === 'string' && cookieToken && equal(headerToken, cookieToken)) return;
    await reply
      .status(403)
      .type(PROBLEM_CONTENT_TYPE)
      .send({
        type: ProblemType.csrf,
        title: 'Anfrage abgelehnt',
        status: 403,
        detail: 'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte die Seite neu laden.',
      });
  });
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

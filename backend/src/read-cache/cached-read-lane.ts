import { SESSION_COOKIE } from '@amtsplan/contracts';
import { roleAllows } from '@amtsplan/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../auth/session-token';
import { AccessCache } from './access-cache';
import { CachedSessions } from './cached-sessions';
import { organizationIdInPath } from './organization-path';
import { CachedAnswer, PlanReadCache } from './plan-read-cache';

/**
 * The hot read path: a GET whose answer PlanReadCache holds is sent before the request
 * reaches Nest, when everything needed to allow it is known without the database – an active
 * session (CachedSessions.known), a membership (AccessCache) whose role holds the permission
 * the route declared (stored with the answer). Anything unknown falls through to the full path
 * (session guard, organization scope, handler), which answers and fills the caches. Runs as a
 * preHandler, so request logging and security headers apply as for every other request.
 */
export function registerCachedReadLane(fastify: FastifyInstance, caches: { sessions: CachedSessions; access: AccessCache; plan: PlanReadCache }): void {
  fastify.addHook('preHandler', (request, reply, done) => {
    const answer = request.method === 'GET' ? allowedAnswer(request, caches) : undefined;
    if (!answer) return done();
    reply.send(sendAnswer(request, reply, answer));
  });
}

function allowedAnswer(request: FastifyRequest, caches: { sessions: CachedSessions; access: AccessCache; plan: PlanReadCache }): CachedAnswer | undefined {
  const organizationId = organizationIdInPath(request.url);
  const token = organizationId ? request.cookies?.[SESSION_COOKIE] : undefined;
  if (!organizationId || !token) return undefined;
  const answer = caches.plan.answer(organizationId, request.url);
  if (!answer) return undefined;
  const auth = caches.sessions.known(hashToken(token));
  const membership = auth ? caches.access.membership(auth.user.id, organizationId) : undefined;
  if (!membership || (answer.permission && !roleAllows(membership.role, answer.permission))) return undefined;
  return answer;
}

/**
 * A cached answer as JSON, compressed when the client accepts gzip. Safe from BREACH: a plan
 * answer holds no secret (no token, no CSRF value) next to text someone else controls.
 */
export function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): Buffer {
  reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return answer.plain;
  reply.header('content-encoding', 'gzip');
  return answer.gzip;
}

import type { FastifyInstance } from 'fastify';
import { AccessCache } from './access-cache';
import { organizationIdInPath } from './organization-path';
import { PlanReadCache } from './plan-read-cache';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes in this process: before a write request's answer leaves (its transaction
 * has committed by then), the caches forget what it may have changed – without waiting for
 * the database's notification, which other processes rely on.
 */
export function forgetOnWrite(fastify: FastifyInstance, caches: { access: AccessCache; plan: PlanReadCache }): void {
  fastify.addHook('onSend', async (request, _reply, payload) => {
    if (SAFE_METHODS.has(request.method)) return payload;
    caches.access.forgetAll();
    const organizationId = organizationIdInPath(request.url);
    if (organizationId) caches.plan.forgetOrganization(organizationId);
    else caches.plan.forgetAll();
    return payload;
  });
}

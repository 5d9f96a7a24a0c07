import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { SESSION_COOKIE } from '@amtsplan/contracts';
import { roleAllows } from '@amtsplan/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { Sessions } from '../auth/sessions';
import { JobQueue } from './job-queue';

export const QUEUE_DASHBOARD_PATH = '/api/queues';

/**
 * Bull Board for admins. Read-only: queues are installation-wide, so an admin of one authority
 * must not retry or delete jobs that belong to another. Payloads carry ids, not content.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app.get(JobQueue).all().map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Amtsplan Warteschlangen' } },
  });
  const sessions = app.get(Sessions);
  const auth = app.get(AuthService);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const token = request.cookies?.[SESSION_COOKIE];
        const session = token ? await sessions.resolve(token) : null;
        const me = session ? await auth.me(session.user.id) : null;
        if (!me?.memberships.some((m) => roleAllows(m.role, 'queues.view'))) {
          await reply.status(session ? 403 : 401).type('application/problem+json').send({
            type: session ? 'urn:amtsplan:problem:forbidden' : 'urn:amtsplan:problem:unauthenticated',
            title: session ? 'Keine Berechtigung' : 'Nicht angemeldet',
            status: session ? 403 : 401,
          });
        }
      });
      await scope.register(serverAdapter.registerPlugin() as never);
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}

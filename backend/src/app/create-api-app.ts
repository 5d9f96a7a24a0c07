import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { PROBLEM_CONTENT_TYPE, ProblemType } from '@amtsplan/contracts';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { registerCsrfProtection } from '../http/csrf';
import { registerSecurityHeaders } from '../http/security-headers';
import { registerQueueDashboard } from '../queues/queue-dashboard';
import { AccessCache } from '../read-cache/access-cache';
import { registerCachedReadLane } from '../read-cache/cached-read-lane';
import { CachedSessions } from '../read-cache/cached-sessions';
import { forgetOnWrite } from '../read-cache/forget-on-write';
import { PlanReadCache } from '../read-cache/plan-read-cache';
import { ApiModule } from './api.module';

/** JSON bodies above this are refused with 413 (multipart uploads have their own limits). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP app; `api.ts` listens with it, integration tests inject requests into it. */
export async function createApiApp(config: AppConfig, options: { logs?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, { bufferLogs: true, abortOnError: false });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await app.register(fastifyCookie as never);
  registerSecurityHeaders(fastify, { secureCookies: config.secureCookies });
  registerCsrfProtection(fastify, { appOrigin: config.appOrigin, secureCookies: config.secureCookies });
  forgetOnWrite(fastify, { access: app.get(AccessCache), plan: app.get(PlanReadCache) });
  registerCachedReadLane(fastify, { sessions: app.get(CachedSessions), access: app.get(AccessCache), plan: app.get(PlanReadCache) });
  // One file per request; each upload route narrows the size to its own limit (images, imports).
  await app.register(fastifyMultipart as never, {
    limits: { files: 1, fields: 20, fieldSize: 64 * 1024, fileSize: Math.max(config.mediaMaxBytes, config.importMaxBytes) },
  });

  if (config.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('Amtsplan API').setVersion('1').addCookieAuth('amtsplan_session').build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', raw: ['json'] });
  }
  await registerQueueDashboard(app);
  await serveFrontend(fastify, config.frontendDist);
  await app.init();
  await fastify.ready();
  return app;
}

const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css|woff2?|ttf)$/;

/** The built Angular app, with index.html for every non-API path (client-side routing). */
async function serveFrontend(fastify: FastifyInstance, directory: string | undefined): Promise<void> {
  const root = directory ? resolve(directory) : null;
  fastify.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/') || !root || !existsSync(join(root, 'index.html'))) {
      return reply.status(404).type(PROBLEM_CONTENT_TYPE).send({ type: ProblemType.notFound, title: 'Nicht gefunden', status: 404 });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  });
  if (root && existsSync(root)) {
    await fastify.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      cacheControl: false,
      // Hashed build files never change; everything else (index.html, favicon) is revalidated.
      setHeaders: (response, path) =>
        response.header('cache-control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
}

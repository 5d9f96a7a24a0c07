import { PUBLISH_JOB_NAME } from '@amtsplan/domain';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAppConfig } from '../../config/app-config';
import { JobName } from '../../queues/queue-registry';
import { isPostJobId } from '../publish-jobs';
import { adapterFor, type PublishChannel, type PublishContent } from './channel-adapter';
import { MastodonAdapter } from './mastodon-adapter';

type Handler = (request: IncomingMessage, body: Buffer, response: ServerResponse) => void;

const config = loadAppConfig({
  DATABASE_URL: 'postgres://app@db:5432/amtsplan',
  REDIS_URL: 'redis://redis:6379',
  APP_ORIGIN: 'https://amtsplan.example',
  SESSION_SECRET: 'x'.repeat(32),
  PUBLISH_REQUEST_TIMEOUT_SECONDS: '1',
});
const adapter = new MastodonAdapter(config);
const text: PublishContent = { text: 'Hallo Musterstadt', media: [] };
const withImage: PublishContent = {
  text: 'Mit Bild',
  media: [{ id: 'm1', bytes: Buffer.from([1, 2, 3]), contentType: 'image/png', fileName: 'm1.png', altText: 'Ein Bild' }],
};
const attempt = { attempt: 1, now: new Date('2026-05-04T08:00:00Z') };

let server: Server;
let handler: Handler;
let channel: PublishChannel;
const seen: Array<{ path: string; headers: IncomingMessage['headers'] }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', headers: request.headers });
      handler(request, Buffer.concat(chunks), response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  channel = { id: 'c1', platform: 'mastodon', name: 'Mastodon', credentials: { instanceUrl: `http://127.0.0.1:${port}`, accessToken: 'token' } };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const reply = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_request, _body, response) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
};

describe('MastodonAdapter', () => {
  it('posts the status with the Idempotency-Key and the bearer token, and reports id and URL', async () => {
    handler = reply(200, { id: '109', url: 'https://social.example/@stadt/109' });
    expect(await adapter.publish(text, channel, 'key-1', attempt)).toEqual({ kind: 'published', externalId: '109', url: 'https://social.example/@stadt/109' });
    expect(seen).toEqual([{ path: '/api/v1/statuses', headers: expect.objectContaining({ 'idempotency-key': 'key-1', authorization: 'Bearer token' }) }]);
  });

  it('uploads each image first and waits while Mastodon still processes it (202)', async () => {
    let polls = 0;
    handler = (request, _body, response) => {
      if (request.url === '/api/v2/media') return reply(202, { id: 'm-9', url: null })(request, _body, response);
      if (request.url === '/api/v1/media/m-9') return reply(polls++ === 0 ? 206 : 200, { id: 'm-9', url: 'x' })(request, _body, response);
      return reply(200, { id: '110', url: null, uri: 'https://social.example/users/stadt/statuses/110' })(request, _body, response);
    };
    expect(await adapter.publish(withImage, channel, 'key-2', attempt)).toEqual({ kind: 'published', externalId: '110', url: 'https://social.example/users/stadt/statuses/110' });
    expect(seen.map((s) => s.path)).toEqual(['/api/v2/media', '/api/v1/media/m-9', '/api/v1/media/m-9', '/api/v1/statuses']);
  }, 10_000);

  it('retries when an image upload fails: the status was never sent', async () => {
    handler = reply(500, { error: 'boom' });
    expect((await adapter.publish(withImage, channel, 'key-3', attempt)).kind).toBe('failed_retryable');
    expect(seen.map((s) => s.path)).toEqual(['/api/v2/media']);
    handler = reply(422, { error: 'Dateityp nicht unterstützt' });
    expect((await adapter.publish(withImage, channel, 'key-3', attempt)).kind).toBe('failed_permanent');
  });

  it('retries a refusal the platform may lift (503, 429 with Retry-After), gives up on others', async () => {
    handler = reply(503, { error: 'down' });
    expect((await adapter.publish(text, channel, 'k', attempt)).kind).toBe('failed_retryable');
    handler = reply(429, { error: 'slow down' }, { 'retry-after': '120' });
    expect(await adapter.publish(text, channel, 'k', attempt)).toMatchObject({ kind: 'failed_retryable', retryAfterMs: 120_000 });
    handler = reply(401, { error: 'token' });
    expect(await adapter.publish(text, channel, 'k', attempt)).toMatchObject({ kind: 'failed_permanent', message: expect.stringContaining('Zugang abgelehnt') });
  });

  it('treats no answer after sending, and an unreadable success, as unknown', async () => {
    handler = () => undefined; // never answers: the request went out
    expect((await adapter.publish(text, channel, 'k', attempt)).kind).toBe('unknown');
    handler = reply(200, '<html>Wartung</html>');
    expect((await adapter.publish(text, channel, 'k', attempt)).kind).toBe('unknown');
    handler = (_request, _body, response) => response.socket?.destroy();
    expect((await adapter.publish(text, channel, 'k', attempt)).kind).toBe('unknown');
  }, 10_000);

  it('retries when the instance cannot be reached at all', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const closed: PublishChannel = { ...channel, credentials: { instanceUrl: `http://127.0.0.1:${port}`, accessToken: 'token' } };
    expect(await adapter.publish(text, closed, 'k', attempt)).toMatchObject({ kind: 'failed_retryable', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('refuses a channel without credentials without sending anything', async () => {
    expect((await adapter.publish(text, { ...channel, credentials: null }, 'k', attempt)).kind).toBe('failed_permanent');
    expect(seen).toEqual([]);
  });
});

describe('publishing jobs and adapters', () => {
  it('names the job as the domain does, and knows a post version job id from a retry', () => {
    expect(JobName.PublishPost).toBe(PUBLISH_JOB_NAME);
    expect(isPostJobId('publish-post_3f0e4c1a-4b7b-4e53-9d0b-6b2f1f1f1f1f_7')).toBe(true);
    expect(isPostJobId('publish-post_3f0e4c1a-4b7b-4e53-9d0b-6b2f1f1f1f1f_7_attempt_2')).toBe(false);
  });

  it('publishes through Mastodon only when connected, by hand otherwise', () => {
    expect(adapterFor({ platform: 'mastodon', connected: true })).toBe('mastodon');
    expect(adapterFor({ platform: 'mastodon', connected: false })).toBe('manual');
    expect(adapterFor({ platform: 'instagram', connected: true })).toBe('manual');
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UploadedMedia {
  readonly id: string;
  readonly authorization: string | undefined;
  readonly description: string | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface StatusRequest {
  readonly authorization: string | undefined;
  readonly idempotencyKey: string | undefined;
  /** The raw JSON body as received. */
  readonly raw: string;
  readonly status: string;
  readonly mediaIds: string[];
  /** What the stand-in did with it. */
  readonly answer: StatusBehaviour;
}

/**
 * How the stand-in answers the next status request:
 * - `accept`: creates the status (a repeated Idempotency-Key gets the same status back, as on Mastodon);
 * - `refuse`: answers the HTTP status without creating anything (e.g. 503 with Retry-After);
 * - `hang`: reads the request and never answers (the client's timeout: sent, outcome unknown).
 */
/** A seeded notification as GET /api/v1/notifications returns it (only the fields the poll reads need to be set). */
export interface SeededNotification {
  readonly id: string;
  readonly type: string;
  readonly created_at: string;
  readonly account: { readonly acct: string; readonly display_name?: string; readonly url?: string };
  readonly status?: { readonly id: string; readonly created_at?: string; readonly in_reply_to_id?: string | null; readonly visibility?: string; readonly content: string; readonly url?: string } | null;
}

/** A notifications request as received: its token and query (types[], since_id, max_id, limit). */
export interface NotificationsRequest {
  readonly authorization: string | undefined;
  readonly query: URLSearchParams;
}

/** How the stand-in answers the next notifications request: `serve` (the seeded list) or an error status with headers. */
export type NotificationsBehaviour = { kind: 'serve' } | { kind: 'refuse'; status: number; headers?: Record<string, string> };

export type StatusBehaviour = { kind: 'accept' } | { kind: 'refuse'; status: number; retryAfter?: string } | { kind: 'hang' };

/**
 * A local Mastodon for tests: POST /api/v2/media and POST /api/v1/statuses, recording every
 * request as received.
 */
export class MastodonStandIn {
  readonly media: UploadedMedia[] = [];
  readonly statuses: StatusRequest[] = [];
  /** Answers for the coming status requests, in order; `accept` once they are used up. */
  readonly behaviours: StatusBehaviour[] = [];
  /** GET /api/v1/notifications serves these, newest first, honouring types[], since_id, max_id and limit. */
  readonly notifications: SeededNotification[] = [];
  readonly notificationRequests: NotificationsRequest[] = [];
  /** Answers for the coming notifications requests, in order; `serve` once they are used up. */
  readonly notificationBehaviours: NotificationsBehaviour[] = [];
  private readonly created = new Map<string, { id: string; url: string; content: string }>();
  private server: Server | undefined;
  private origin = '';

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Status requests carrying this Idempotency-Key. */
  statusesFor(idempotencyKey: string): StatusRequest[] {
    return this.statuses.filter((s) => s.idempotencyKey === idempotencyKey);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const authorization = request.headers.authorization;
    if (request.method === 'POST' && request.url === '/api/v2/media') {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) return json(response, 422, { error: 'file missing' });
      const description = form.get('description');
      const id = String(100_000 + this.media.length);
      this.media.push({
        id,
        authorization,
        description: typeof description === 'string' ? description : null,
        fileName: (file as File).name,
        contentType: file.type,
        bytes: Buffer.from(await file.arrayBuffer()),
      });
      return json(response, 200, { id, type: 'image', url: `${this.origin}/media/${id}`, description });
    }
    if (request.method === 'POST' && request.url === '/api/v1/statuses') {
      const raw = body.toString('utf8');
      const parsed = JSON.parse(raw) as { status: string; media_ids?: string[] };
      const answer = this.behaviours.shift() ?? { kind: 'accept' };
      const idempotencyKey = header(request, 'idempotency-key');
      this.statuses.push({ authorization, idempotencyKey, raw, status: parsed.status, mediaIds: parsed.media_ids ?? [], answer });
      if (answer.kind === 'hang') return; // the socket stays open until the client gives up
      if (answer.kind === 'refuse') {
        if (answer.retryAfter) response.setHeader('retry-after', answer.retryAfter);
        return json(response, answer.status, { error: 'Service Unavailable' });
      }
      const key = idempotencyKey ?? randomUUID();
      let status = this.created.get(key);
      if (!status) {
        const id = String(110_000_000 + this.created.size);
        status = { id, url: `${this.origin}/@stadt/${id}`, content: parsed.status };
        this.created.set(key, status);
      }
      return json(response, 200, { id: status.id, url: status.url, uri: status.url, content: parsed.status });
    }
    if (request.method === 'GET' && request.url?.startsWith('/api/v1/notifications')) {
      const query = new URL(request.url, this.origin).searchParams;
      this.notificationRequests.push({ authorization, query });
      const answer = this.notificationBehaviours.shift() ?? { kind: 'serve' };
      if (answer.kind === 'refuse') {
        for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
        return json(response, answer.status, { error: answer.status === 401 ? 'The access token is invalid' : 'Too many requests' });
      }
      const types = query.getAll('types[]');
      const since = query.get('since_id');
      const max = query.get('max_id');
      const limit = Math.min(Number(query.get('limit') ?? 40) || 40, 80);
      const page = this.notifications
        .filter((n) => (types.length === 0 || types.includes(n.type)) && (!since || newer(n.id, since)) && (!max || newer(max, n.id)))
        .sort((a, b) => (newer(a.id, b.id) ? -1 : 1))
        .slice(0, limit);
      return json(response, 200, page);
    }
    // A created status at its address (what a reader following the link gets), with how many
    // status requests carried its Idempotency-Key: for tests in another process (the e2e server's).
    const page = request.method === 'GET' ? /^\/@stadt\/(\d+)$/.exec(request.url ?? '') : null;
    if (page) {
      const [key, found] = [...this.created.entries()].find(([, s]) => s.id === page[1]) ?? [];
      if (found) return json(response, 200, { id: found.id, url: found.url, content: found.content, requests: this.statusesFor(key!).length });
    }
    json(response, 404, { error: 'Record not found' });
  }
}

/** Mastodon ids are decimal strings: longer is newer, then by digits. */
function newer(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@amtsplan/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly cookies: ReadonlyArray<{ name: string; value: string; httpOnly?: boolean; sameSite?: string; secure?: boolean; maxAge?: number }>;
}

/**
 * A browser-like client for the real Fastify app: keeps cookies, sends the CSRF header the way
 * Angular does, and can pretend to come from another IP address.
 */
export class ApiClient {
  private readonly jar = new Map<string, string>();

  constructor(
    private readonly app: NestFastifyApplication,
    readonly ip = '203.0.113.10',
  ) {}

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  get sessionToken(): string | undefined {
    return this.jar.get(SESSION_COOKIE);
  }

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: { body?: unknown; rawBody?: string | Buffer; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    if (method !== 'GET' && options.csrf !== false && !this.jar.has(CSRF_COOKIE)) await this.request('GET', '/api/auth/csrf');
    const headers: Record<string, string> = { ...options.headers };
    if (this.jar.size) headers['cookie'] = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && options.csrf !== false) headers[CSRF_HEADER] = this.jar.get(CSRF_COOKIE) ?? '';
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.app.inject({ method, url, headers, payload, remoteAddress: this.ip });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0) || (cookie.expires && cookie.expires.getTime() < Date.now())) this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    const text = response.body;
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.statusCode, body: body as T, headers: response.headers, cookies: response.cookies as ApiResponse['cookies'] };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }

  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('POST', url, { body });
  }

  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, { body });
  }

  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** A browser-like multipart upload of a PNG image (altText first, then the file). */
  uploadImage<T = unknown>(url: string, data: Buffer, altText: string): Promise<ApiResponse<T>> {
    const boundary = `----amtsplan-${randomUUID()}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="altText"\r\n\r\n${altText}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bild.png"\r\nContent-Type: image/png\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request<T>('POST', url, { rawBody: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  }

  async login(email: string, password: string): Promise<ApiResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }
}

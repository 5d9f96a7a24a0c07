import { SESSION_COOKIE } from '@amtsplan/contracts';
import { AddressInfo } from 'node:net';
import { ApiClient } from './api-client';
import { EventReader } from './event-reader';
import { TestApp } from './test-app';

/**
 * People's live notification streams (`GET /api/notifications/stream`) over real HTTP, for tests of
 * what reaches whom. The app must listen (`await app.api.listen({ port: 0, host: '127.0.0.1' })`);
 * `closeAll()` in afterAll ends every stream opened here.
 */
export class LiveStreams {
  private readonly controllers: AbortController[] = [];

  constructor(private readonly app: TestApp) {}

  /** Opens the person's stream and waits for its first `unread` event, so it is registered. */
  async open(client: ApiClient): Promise<EventReader> {
    const controller = new AbortController();
    this.controllers.push(controller);
    const baseUrl = `http://127.0.0.1:${(this.app.api.getHttpServer().address() as AddressInfo).port}`;
    const response = await fetch(`${baseUrl}/api/notifications/stream`, { headers: { cookie: `${SESSION_COOKIE}=${client.sessionToken}`, accept: 'text/event-stream' }, signal: controller.signal });
    expect(response.status).toBe(200);
    const events = new EventReader(response.body!.getReader());
    await events.waitFor('unread');
    return events;
  }

  closeAll(): void {
    for (const controller of this.controllers.splice(0)) controller.abort();
  }
}

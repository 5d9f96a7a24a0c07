import type { ServerResponse } from 'node:http';

/**
 * One open `text/event-stream` answer to one browser tab: formats server-sent events and
 * remembers what this tab has been told.
 */
export class NotificationStream {
  /** Notifications this tab already has (loaded with the page or sent here). */
  seen = new Set<string>();
  lastUnread: number | null = null;
  refreshing = false;
  refreshAgain = false;
  private ended = false;

  constructor(
    readonly userId: string,
    readonly sessionTokenHash: string,
    private readonly response: ServerResponse,
  ) {
    response.on('close', () => (this.ended = true));
  }

  get closed(): boolean {
    return this.ended || this.response.destroyed || this.response.writableEnded;
  }

  onClose(listener: () => void): void {
    this.response.on('close', listener);
  }

  /** `retry` is the browser's wait before reconnecting by itself; the app's client uses its own backoff. */
  start(headers: Record<string, string | number | string[]>): void {
    this.response.writeHead(200, headers);
    this.write('retry: 10000\n\n');
  }

  send(event: string, data: unknown): void {
    // JSON has no raw line breaks, so the data is one `data:` line.
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line: ignored by EventSource, keeps proxies (nginx: 300 s) from timing out. */
  heartbeat(): void {
    this.write(': ping\n\n');
  }

  end(): void {
    if (this.closed) return;
    this.ended = true;
    this.response.end();
  }

  private write(chunk: string): void {
    if (!this.closed) this.response.write(chunk);
  }
}

/** Server-sent events read from a real HTTP connection. */
export class EventReader {
  readonly events: Array<{ event: string; data: unknown }> = [];
  /** Each wait looks only at events after the one the previous wait found. */
  private next = 0;
  private buffer = '';
  ended = false;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {
    void this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) this.events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // Aborted by the test.
    }
    this.ended = true;
  }

  async waitFor<T>(event: string, predicate: (data: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const index = this.events.findIndex((e, i) => i >= this.next && e.event === event && predicate(e.data as T));
      if (index >= 0) {
        this.next = index + 1;
        return this.events[index]!.data as T;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no ${event} event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
  }
}

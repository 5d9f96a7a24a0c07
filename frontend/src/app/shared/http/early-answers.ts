/**
 * Answers to GET requests sent before Angular has loaded (main.ts) or before a page's code has
 * (a route guard), kept until the app's own request for the same URL takes them over
 * (early-answers.interceptor.ts). Plain fetch and no Angular, so main.ts can use it at once.
 */
export interface EarlyAnswer {
  readonly status: number;
  readonly statusText: string;
  /** The parsed JSON body, or null when there was none. */
  readonly body: unknown;
}

/** An answer stands in for the app's own request only while it is this fresh. */
const MAX_AGE_MS = 10_000;

export class EarlyAnswers {
  private readonly answers = new Map<string, { readonly answer: Promise<EarlyAnswer | null>; readonly sentAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Sends the request unless a fresh one for the same URL is under way; resolves to null when
   * the server could not be reached (the app's own request then tries again).
   */
  ask(url: string): Promise<EarlyAnswer | null> {
    const key = requestKey(url);
    const known = this.answers.get(key);
    if (known && this.now() - known.sentAt <= MAX_AGE_MS) return known.answer;
    const answer = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(async (response): Promise<EarlyAnswer> => {
        const text = await response.text();
        return { status: response.status, statusText: response.statusText, body: text ? (JSON.parse(text) as unknown) : null };
      })
      .catch(() => null);
    this.answers.set(key, { answer, sentAt: this.now() });
    return answer;
  }

  /** Hands an answer over once: whoever asks for the URL later asks the server again. */
  take(url: string): Promise<EarlyAnswer | null> | null {
    const key = requestKey(url);
    const known = this.answers.get(key);
    this.answers.delete(key);
    return known && this.now() - known.sentAt <= MAX_AGE_MS ? known.answer : null;
  }
}

/** The same request however its query is written: path and the sorted, decoded parameters. */
export function requestKey(url: string): string {
  const parsed = new URL(url, 'http://app.invalid');
  parsed.searchParams.sort();
  return `${parsed.pathname}?${parsed.searchParams.toString()}`;
}

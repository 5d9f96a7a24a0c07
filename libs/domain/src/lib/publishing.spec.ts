import {
  backoff,
  classifyPublishError,
  DEFAULT_MISSED_TOLERANCE_MS,
  deterministicPublishJobId,
  isMissed,
  MAX_PUBLISH_ATTEMPTS,
  parseRetryAfter,
  PUBLISH_OUTCOME_KINDS,
  PUBLISH_OUTCOME_LABELS,
  type PublishAttemptContext,
  type PublishErrorFacts,
} from './publishing';

const now = new Date('2026-05-04T08:00:00Z');
const first = { attempt: 1, now };
const kind = (facts: PublishErrorFacts, context: PublishAttemptContext = first) => classifyPublishError(facts, context).kind;

describe('classifyPublishError', () => {
  it('retries any error while connecting: nothing went out', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', undefined]) {
      expect(kind({ phase: 'connect', code })).toBe('failed_retryable');
    }
    expect(classifyPublishError({ phase: 'connect', code: 'ECONNREFUSED' }, first)).toEqual({
      kind: 'failed_retryable',
      retryAfterMs: 30_000,
      message: 'Keine Verbindung zur Plattform (ECONNREFUSED); nichts wurde gesendet.',
    });
  });

  it('retries 5xx, 429 and 408 answered before acceptance', () => {
    for (const httpStatus of [500, 502, 503, 504, 599, 429, 408]) expect(kind({ phase: 'before_accept', httpStatus })).toBe('failed_retryable');
  });

  it('waits at least as long as Retry-After asks, and never less than the backoff', () => {
    const wait = (retryAfter: string | number, attempt = 1) => {
      const outcome = classifyPublishError({ phase: 'before_accept', httpStatus: 429, retryAfter }, { attempt, now });
      return outcome.kind === 'failed_retryable' ? outcome.retryAfterMs : null;
    };
    expect(wait(120)).toBe(120_000);
    expect(wait('120')).toBe(120_000);
    expect(wait('Mon, 04 May 2026 08:10:00 GMT')).toBe(600_000);
    expect(wait(5)).toBe(30_000);
    expect(wait(5, 3)).toBe(120_000);
    expect(wait('irgendwann')).toBe(30_000);
    const unavailable = classifyPublishError({ phase: 'before_accept', httpStatus: 503, retryAfter: 300 }, first);
    expect(unavailable).toMatchObject({ kind: 'failed_retryable', retryAfterMs: 300_000 });
  });

  it('retries a 429 without Retry-After on the backoff', () => {
    expect(classifyPublishError({ phase: 'before_accept', httpStatus: 429 }, { attempt: 2, now })).toMatchObject({
      kind: 'failed_retryable',
      retryAfterMs: 60_000,
    });
  });

  it('gives up after the last attempt, as a failure (nothing went out)', () => {
    const outcome = classifyPublishError({ phase: 'connect', code: 'ECONNREFUSED' }, { attempt: MAX_PUBLISH_ATTEMPTS, now });
    expect(outcome).toEqual({
      kind: 'failed_permanent',
      message: 'Nach 5 Versuchen aufgegeben. Keine Verbindung zur Plattform (ECONNREFUSED); nichts wurde gesendet.',
    });
    expect(kind({ phase: 'connect' }, { attempt: 2, now, maxAttempts: 2 })).toBe('failed_permanent');
    expect(kind({ phase: 'connect' }, { attempt: 1, now, maxAttempts: 2 })).toBe('failed_retryable');
  });

  it('treats other 4xx as permanent: a person must act', () => {
    expect(classifyPublishError({ phase: 'before_accept', httpStatus: 401 }, first)).toEqual({
      kind: 'failed_permanent',
      message: 'Zugang abgelehnt (401). Bitte die Verbindung des Kanals prüfen.',
    });
    expect(kind({ phase: 'before_accept', httpStatus: 403 })).toBe('failed_permanent');
    for (const httpStatus of [400, 404, 413, 422]) {
      expect(classifyPublishError({ phase: 'before_accept', httpStatus }, first)).toEqual({
        kind: 'failed_permanent',
        message: `Die Plattform hat den Beitrag abgelehnt (${httpStatus}).`,
      });
    }
  });

  it('never retries after sending: timeouts, resets, even 5xx are unknown', () => {
    for (const facts of [
      { phase: 'after_send', code: 'ETIMEDOUT' },
      { phase: 'after_send', code: 'ECONNRESET' },
      { phase: 'after_send', httpStatus: 503, retryAfter: 10 },
      { phase: 'after_send', httpStatus: 429 },
      { phase: 'after_send' },
    ] as const) {
      expect(classifyPublishError(facts, first)).toEqual({
        kind: 'unknown',
        message:
          'Unklar, ob der Beitrag veröffentlicht wurde. Bitte auf der Plattform nachsehen und bestätigen; es gibt keinen automatischen neuen Versuch.',
      });
    }
  });

  it('treats an answer before acceptance that does not clearly refuse as unknown', () => {
    for (const httpStatus of [undefined, null, 200, 201, 302, 600]) expect(kind({ phase: 'before_accept', httpStatus })).toBe('unknown');
    expect(kind({ phase: 'before_accept', code: 'ECONNRESET' })).toBe('unknown');
  });

  it('has German labels for every outcome, "unknown" being "Unbestätigt"', () => {
    expect(Object.keys(PUBLISH_OUTCOME_LABELS)).toEqual([...PUBLISH_OUTCOME_KINDS]);
    expect(PUBLISH_OUTCOME_LABELS.unknown).toBe('Unbestätigt');
  });
});

describe('backoff', () => {
  it('doubles from 30 seconds up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((a) => backoff(a))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('adds up to a quarter as jitter', () => {
    expect(backoff(1, 0.5)).toBe(33_750);
    expect(backoff(1, 1)).toBe(37_500);
    expect(backoff(10, 1)).toBe(1_125_000);
  });

  it('refuses nonsense', () => {
    for (const attempt of [0, -1, 1.5, Number.NaN]) expect(() => backoff(attempt)).toThrow(RangeError);
    for (const jitter of [-0.1, 1.1, Number.NaN]) expect(() => backoff(1, jitter)).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 30 ', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 04 May 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(-5, now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('2026', now)).toBe(2_026_000);
    expect(parseRetryAfter('2026-05-04', now)).toBeNull();
    expect(parseRetryAfter('Monday, 04-May-26 08:10:00 GMT', now)).toBeNull();
    expect(parseRetryAfter('Mon, 99 May 2026 08:10:00 GMT', now)).toBeNull();
  });
});

describe('isMissed', () => {
  const planned = new Date('2026-05-04T10:00:00Z');
  it('is missed only more than two hours after the planned time', () => {
    expect(DEFAULT_MISSED_TOLERANCE_MS).toBe(2 * 60 * 60 * 1000);
    expect(isMissed(planned, new Date('2026-05-04T12:00:00Z'))).toBe(false);
    expect(isMissed(planned, new Date('2026-05-04T12:00:00.001Z'))).toBe(true);
    expect(isMissed(planned, new Date('2026-05-04T09:00:00Z'))).toBe(false);
  });

  it('takes a configured tolerance', () => {
    expect(isMissed(planned, new Date('2026-05-04T10:16:00Z'), 15 * 60_000)).toBe(true);
    expect(isMissed(planned, new Date('2026-05-04T10:15:00Z'), 15 * 60_000)).toBe(false);
  });
});

describe('deterministicPublishJobId', () => {
  it('is one id per post and version', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(deterministicPublishJobId(id, 3)).toBe(`publish-post_${id}_3`);
    expect(deterministicPublishJobId(id, 3)).toBe(deterministicPublishJobId(id, 3));
    expect(deterministicPublishJobId(id, 4)).not.toBe(deterministicPublishJobId(id, 3));
    expect(deterministicPublishJobId(id, 3)).not.toContain(':');
  });

  it('refuses ids and versions that would make it ambiguous', () => {
    expect(() => deterministicPublishJobId('a:b', 1)).toThrow(RangeError);
    expect(() => deterministicPublishJobId('', 1)).toThrow(RangeError);
    for (const version of [0, -1, 1.5]) expect(() => deterministicPublishJobId('p', version)).toThrow(RangeError);
  });
});

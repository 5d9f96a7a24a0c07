import { retryAfterMinutes } from './retry-after';

describe('retryAfterMinutes', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('rounds seconds up to whole minutes', () => {
    expect(retryAfterMinutes('60', now)).toBe(1);
    expect(retryAfterMinutes('61', now)).toBe(2);
    expect(retryAfterMinutes('900', now)).toBe(15);
  });

  it('reads an HTTP date', () => {
    expect(retryAfterMinutes('Sun, 22 Nov 2026 10:05:00 GMT', now)).toBe(5);
  });

  it('never asks to wait less than one minute', () => {
    expect(retryAfterMinutes('0', now)).toBe(1);
    expect(retryAfterMinutes('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(1);
    expect(retryAfterMinutes(null, now)).toBe(1);
    expect(retryAfterMinutes('bald', now)).toBe(1);
  });
});

/**
 * Whole minutes to wait, from a Retry-After header (seconds or an HTTP date, RFC 9110).
 * Rounded up and at least one, so the message never tells people to retry "in 0 minutes".
 */
export function retryAfterMinutes(header: string | null, now: Date): number {
  if (!header) return 1;
  const trimmed = header.trim();
  const seconds = /^\d+$/.test(trimmed) ? Number(trimmed) : (Date.parse(trimmed) - now.getTime()) / 1000;
  if (!Number.isFinite(seconds)) return 1;
  return Math.max(1, Math.ceil(seconds / 60));
}

export interface SessionTimeoutPolicy {
  /** Ends a session nobody has used for this long. */
  readonly idleMs: number;
  /** Ends every session this long after login, however active. */
  readonly absoluteMs: number;
}

/** Two hours idle, twelve hours absolute: a working day in a press office, not longer. */
export const DEFAULT_SESSION_TIMEOUTS: SessionTimeoutPolicy = {
  idleMs: 2 * 60 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
};

export type SessionState = 'active' | 'idle-expired' | 'absolute-expired';

export function sessionState(
  session: { readonly createdAt: Date; readonly lastSeenAt: Date },
  now: Date,
  policy: SessionTimeoutPolicy,
): SessionState {
  if (now.getTime() - session.createdAt.getTime() >= policy.absoluteMs) return 'absolute-expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMs) return 'idle-expired';
  return 'active';
}

import { sessionState } from './session-timeouts';

describe('sessionState', () => {
  const policy = { idleMs: 1000, absoluteMs: 5000 };
  const t0 = new Date(0);
  const at = (ms: number) => new Date(ms);

  it('is active while used within the idle time', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(3000) }, at(3500), policy)).toBe('active');
  });

  it('expires when idle', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(1000) }, at(2000), policy)).toBe('idle-expired');
  });

  it('expires at the absolute limit even when active', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(4999) }, at(5000), policy)).toBe('absolute-expired');
  });
});

import { EventEmitter } from 'node:events';

/**
 * Changes to people's notifications made in this process, announced after commit. With the
 * embedded database (`pglite:`) PostgreSQL's notifications do not reach other connections, and
 * api and worker share one process, so this is how the live stream learns of them there.
 * Process-wide on purpose: api and worker are separate Nest applications in that process.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

export const LocalNotificationChanges = {
  announce(userIds: Iterable<string>): void {
    for (const userId of new Set(userIds)) emitter.emit('change', userId);
  },

  subscribe(listener: (userId: string) => void): () => void {
    emitter.on('change', listener);
    return () => emitter.off('change', listener);
  },
};

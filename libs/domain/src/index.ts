export * from './lib/state-machine';
export * from './lib/roles';
export * from './lib/membership-rules';
export * from './lib/invitation';
export * from './lib/session-timeouts';

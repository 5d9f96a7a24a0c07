export * from './lib/problem';
export * from './lib/common';
export * from './lib/auth';
export * from './lib/members';
export * from './lib/organizations';
export * from './lib/audit';
export * from './lib/health';

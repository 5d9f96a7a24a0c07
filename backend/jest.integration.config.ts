/**
 * Integration tests: the real api and worker modules against real PostgreSQL and Redis.
 * Each test file gets its own freshly migrated database (see test/support/test-database.ts).
 */
export default {
  displayName: 'backend-integration',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@amtsplan/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
    '^@amtsplan/domain$': '<rootDir>/../libs/domain/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/test/integration/**/*.integration.ts'],
  testTimeout: 30000,
  maxWorkers: 1,
};

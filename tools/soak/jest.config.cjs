// Jest for `npm run soak:publishing`: only the model-based publishing test, with the fast-check
// seed and report hook of fast-check-soak.cjs. Otherwise as backend/jest.integration.config.ts.
const { join } = require('node:path');

module.exports = {
  displayName: 'publishing-soak',
  testEnvironment: 'node',
  rootDir: join(__dirname, '..', '..', 'backend'),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@amtsplan/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
    '^@amtsplan/domain$': '<rootDir>/../libs/domain/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'cjs'],
  testMatch: ['<rootDir>/test/integration/publishing-model.integration.ts'],
  setupFilesAfterEnv: [join(__dirname, 'fast-check-soak.cjs')],
  testTimeout: 30000,
  maxWorkers: 1,
};

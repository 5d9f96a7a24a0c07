const moduleNameMapper = {
  '^@amtsplan/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
  '^@amtsplan/domain$': '<rootDir>/../libs/domain/src/index.ts',
};

/** Unit tests: colocated `*.spec.ts`, no services needed. */
export default {
  displayName: 'backend',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

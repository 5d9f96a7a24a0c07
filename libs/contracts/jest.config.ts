export default {
  displayName: 'contracts',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@amtsplan/contracts$': '<rootDir>/../contracts/src/index.ts',
    '^@amtsplan/domain$': '<rootDir>/../domain/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

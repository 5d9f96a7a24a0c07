import { createCjsPreset } from 'jest-preset-angular/presets';

export default {
  displayName: 'frontend',
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  // The preset's default 'jsdom' names a package this workspace does not install; the
  // preset ships its own jsdom environment.
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@amtsplan/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
    '^@amtsplan/domain$': '<rootDir>/../libs/domain/src/index.ts',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../coverage/frontend',
};
